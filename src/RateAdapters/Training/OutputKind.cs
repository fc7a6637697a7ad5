namespace NeuroLc.RateAdapters.Training;

/// <summary>Output layer and its cross-entropy loss.</summary>
public enum OutputKind
{
    /// <summary>Softmax over the output units, multi-class cross-entropy.</summary>
    Softmax,

    /// <summary>Logistic units, binary cross-entropy per unit.</summary>
    Logistic,
}

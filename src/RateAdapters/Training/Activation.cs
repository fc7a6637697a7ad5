namespace NeuroLc.RateAdapters.Training;

/// <summary>Transfer function of a layer (forward hidden units, or the learning channel's g).</summary>
public enum Activation
{
    /// <summary>f(x) = x (linear networks, linear learning channel).</summary>
    Identity,

    /// <summary>f(x) = tanh(x).</summary>
    Tanh,

    /// <summary>f(x) = 1 / (1 + e^−x).</summary>
    Logistic,

    /// <summary>f(x) = max(0, x).</summary>
    Relu,
}

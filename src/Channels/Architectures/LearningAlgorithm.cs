namespace NeuroLc.Channels.Architectures;

/// <summary>How the learning channel computes the signal a deep layer receives (section 3).</summary>
public enum LearningAlgorithm
{
    /// <summary>Backpropagation: the learning channel uses the transposed forward weights (eqs. 5–7). Needs
    /// weight symmetry (WTS), so it can be built only where physics provides it.</summary>
    Bp,

    /// <summary>Random backpropagation: fixed random weights chained layer by layer (eqs. 8–10).</summary>
    Rbp,

    /// <summary>Skipped random backpropagation: random weights from the output straight to each deep layer
    /// (eq. 11).</summary>
    Srbp,
}

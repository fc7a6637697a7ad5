namespace NeuroLc.Channels.Architectures;

/// <summary>The learning channel: its physical form, algorithm, wiring, transfer function, adaptation and
/// dropout (JSON object <c>learningChannel</c>).</summary>
public sealed record LearningChannelOptions
{
    /// <summary>Bidirectional, Conjoined, Twin, Identical Twin or Distinct (<c>learningChannel.kind</c>).</summary>
    public LearningChannelKind Kind { get; init; } = LearningChannelKind.Conjoined;

    /// <summary>BP, RBP or SRBP (<c>learningChannel.algorithm</c>).</summary>
    public LearningAlgorithm Algorithm { get; init; } = LearningAlgorithm.Rbp;

    /// <summary>Chained, skipped or mixed; null takes it from the algorithm (RBP chained, SRBP skipped)
    /// (<c>learningChannel.connections</c>).</summary>
    public ChannelConnections? Connections { get; init; }

    /// <summary>Width of each learning-channel layer, input side first; Distinct only
    /// (<c>learningChannel.widths</c>).</summary>
    public IReadOnlyList<int>? Widths { get; init; }

    /// <summary>Linear, or the forward transfer function (<c>learningChannel.transfer</c>).</summary>
    public LearningChannelTransfer Transfer { get; init; } = LearningChannelTransfer.Linear;

    /// <summary>Fixed, Hebbian (eq. 12) or STDP (eqs. 14, 19) learning-channel synapses
    /// (<c>learningChannel.adaptation</c>).</summary>
    public Adaptation Adaptation { get; init; } = Adaptation.Fixed;

    /// <summary>Dropout probability p_lc of the learning channel, in [0, 1) (<c>learningChannel.dropout</c>): of every
    /// learning-channel cell, or — Conjoined and Bidirectional, which have no cells of their own — of the
    /// learning-channel signal each hidden forward cell receives (section 4.1.2).</summary>
    public double Dropout { get; init; }

    /// <summary>Declares the Conjoined backward synapses equal to the transposed forward weights, which BP needs
    /// (<c>learningChannel.sharedWeights</c>).</summary>
    public bool SharedWeights { get; init; }

    /// <summary>Adds lateral A′ synapses from each forward layer onto the learning-channel layer that serves it
    /// (Figure 5) (<c>learningChannel.lateralA</c>).</summary>
    public bool LateralA { get; init; }

    /// <summary>The C′ wiring of Twin and Distinct channels; null wires learning-channel layer k onto forward
    /// layer k (<c>learningChannel.lateralC</c>).</summary>
    public IReadOnlyList<LateralLink>? LateralC { get; init; }

    /// <summary>Standard deviation of the random learning-channel weights; null uses the Glorot normal scale
    /// sqrt(2 / (fan_in + fan_out)) (<c>learningChannel.initStd</c>).</summary>
    public double? InitStd { get; init; }
}

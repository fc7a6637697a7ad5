namespace NeuroLc.Channels.Audit;

/// <summary>The six symmetries of section 2.4: four undesirable ones a configuration may need (ARC, WTS, NEU,
/// DER) and two desirable ones it may achieve (LIN, ADA).</summary>
public enum Symmetry
{
    /// <summary>Symmetry of architectures: the learning channel mirrors the forward architecture.</summary>
    ARC,

    /// <summary>Symmetry of weights: learning-channel weights are the transposed forward weights.</summary>
    WTS,

    /// <summary>Symmetry of neurons: each learning-channel signal must reach its one corresponding forward cell.</summary>
    NEU,

    /// <summary>Symmetry of derivatives: forward derivatives must be transported into the learning channel.</summary>
    DER,

    /// <summary>Symmetry of processing: the learning channel uses the same non-linear cells as the forward one.</summary>
    LIN,

    /// <summary>Symmetry of adaptation: learning-channel synapses adapt like forward ones.</summary>
    ADA,
}

namespace NeuroLc.Channels.Architectures;

/// <summary>The physical form of the learning channel (section 3.5, Figures 1–6).</summary>
public enum LearningChannelKind
{
    /// <summary>One synapse carries both directions: the learning channel is the forward synapses used in
    /// reverse (Architecture 1). Only BP.</summary>
    Bidirectional,

    /// <summary>The same cells in both channels, with a separate set of backward synapses (Architectures 2, 4,
    /// 5).</summary>
    Conjoined,

    /// <summary>A separate learning-channel population per hidden layer, of the same shape, wired to its
    /// forward layer by random lateral C′ synapses (Non-Identical Twin, Architecture 8).</summary>
    Twin,

    /// <summary>A separate learning-channel population per hidden layer, of the same shape, each cell wired
    /// one-to-one to its forward cell (Identical Twin, Architectures 6 and 7).</summary>
    IdenticalTwin,

    /// <summary>A separate learning-channel population per hidden layer of any width, wired to the forward cells
    /// by random lateral C′ synapses (Architectures 9, 10; Figures 4–6).</summary>
    Distinct,
}

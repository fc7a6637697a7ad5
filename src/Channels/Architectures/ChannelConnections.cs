namespace NeuroLc.Channels.Architectures;

/// <summary>The wiring of the learning channel from the output down to the deep layers.</summary>
public enum ChannelConnections
{
    /// <summary>Layer by layer, h+1 → h (RBP-like, eq. 9).</summary>
    Chained,

    /// <summary>From the output straight to every deep layer (SRBP-like, eq. 11).</summary>
    Skipped,

    /// <summary>Both: the chain, plus skips from the output to every layer below the top one (Figure 6).</summary>
    Mixed,
}

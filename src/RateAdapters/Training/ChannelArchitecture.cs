namespace NeuroLc.RateAdapters.Training;

/// <summary>Whether the learning channel shares the forward cells (Conjoined) or has its own cells (Distinct, Figures 3–6).</summary>
public enum ChannelArchitecture
{
    /// <summary>The backward signal travels through the forward cells themselves (Figure 2).</summary>
    Conjoined,

    /// <summary>Learning-channel cells of their own widths, reaching forward cells through lateral C′ (Figures 4–6).</summary>
    Distinct,
}

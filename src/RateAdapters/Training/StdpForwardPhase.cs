namespace NeuroLc.RateAdapters.Training;

/// <summary>
/// Which phase's activity of the presynaptic cell enters the STDP forward rule Δw = η ΔO_post O_pre (eq. 14).
/// </summary>
public enum StdpForwardPhase
{
    /// <summary>The forward phase t=0 (eq. 15's activity; eq. 14 does not say which phase).</summary>
    Forward,

    /// <summary>
    /// The free phase t=1: a deep cell's activity with the fed-back output, as in the STDP system of eq. 32
    /// (Δa₂ = η(a₁I + c₁O)(T − O)). Inputs and the bias do not change between phases.
    /// </summary>
    Free,
}

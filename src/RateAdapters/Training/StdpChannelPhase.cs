namespace NeuroLc.RateAdapters.Training;

/// <summary>
/// Which phase's activity of the upper cell is the presynaptic term of the STDP learning-channel rule (section 3.6).
/// </summary>
public enum StdpChannelPhase
{
    /// <summary>
    /// Eq. 19 as printed: the clamped phase t=2, Δc_ik = η T_k ΔO_i (chained: the upper cell's O(t=2)). Since
    /// T = O + (T − O), the expected update holds η (T − O)ᵀ(T − O) C f′, a positive term that grows C for as long
    /// as the training error lasts.
    /// </summary>
    Clamped,

    /// <summary>
    /// The free phase t=1, Δc_ik = η O_k ΔO_i (chained: the upper cell's O(t=1)): the form of the STDP system of
    /// eq. 32 (section 5.2, Δc₁ = η O c₁ (T − O)); its expected update vanishes where the output fits the targets.
    /// </summary>
    Free,
}

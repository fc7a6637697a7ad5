namespace NeuroLc.Synapses;

/// <summary>The plasticity rules a synapse can follow. Each one reads only a <see cref="LocalView"/>.</summary>
public enum RuleKind
{
    /// <summary>Δw = 0: the synapse is fixed (e.g. the random C of RBP/SRBP).</summary>
    Fixed,

    /// <summary>Δw = η f'_post · O_post(other channel) · O_pre (eq. 12).</summary>
    Hebbian,

    /// <summary>Δw = η ΔO_post · O_pre with ΔO = O(t=2) − O(t=1) (phase-difference STDP, eqs. 13–14).</summary>
    Stdp,

    /// <summary>Δc = η T ΔO_post for learning-channel synapses, the pre signal being the target that the
    /// output cell sends during the clamped phase (eq. 19).</summary>
    LearningChannelStdp,

    /// <summary>Δw = η R_post · O_pre with R the post cell's local error (RBP eqs. 8–10, SRBP eq. 11).</summary>
    ExplicitError,

    /// <summary>A rule written as text over local symbols (<see cref="Language.TextRule"/>).</summary>
    Text,

    /// <summary>Δc = η O_pre(t=1) ΔO_post for learning-channel synapses: the pre signal is what the upper cell sent
    /// during the free phase (the output O, not the target), the form of the STDP system of eq. 32.</summary>
    LearningChannelStdpFree,

    /// <summary>Δw = η ΔO_post · O_pre(t=1): the phase-difference rule with the pre cell's free-phase activity, the
    /// pre term of eq. 32.</summary>
    StdpFree,
}

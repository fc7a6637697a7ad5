namespace NeuroLc.RateAdapters.Training;

/// <summary>How learning-channel synapses change (section 3.4 and 3.6).</summary>
public enum LearningChannelRule
{
    /// <summary>Random and fixed (RBP, SRBP).</summary>
    Fixed,

    /// <summary>Adaptive with the Hebbian rule of eq. 12 (ARBP, ASRBP).</summary>
    Hebbian,

    /// <summary>Adaptive with the STDP-like phase-difference rule, eqs. 13–19.</summary>
    Stdp,
}

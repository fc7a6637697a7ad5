namespace NeuroLc.Channels.Architectures;

/// <summary>Whether learning-channel synapses adapt, and by which local rule (section 3.4, 3.6).</summary>
public enum Adaptation
{
    /// <summary>The learning-channel weights stay at their random initial values.</summary>
    Fixed,

    /// <summary>Hebbian, Δw_ij = η (f^post)' O^post_i O^pre_j (eq. 12): ARBP / ASRBP. Forward synapses keep
    /// the explicit-error rule (eqs. 8, 11).</summary>
    Hebbian,

    /// <summary>STDP: forward synapses follow Δw = η ΔO_post O_pre (eq. 14), learning-channel synapses
    /// Δc = η T ΔO (eq. 19). Meant for the three-phase presentation (eqs. 15–18).</summary>
    Stdp,
}

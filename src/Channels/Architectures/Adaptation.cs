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

    /// <summary>
    /// STDP in the form of Theorem 2′ (eq. 32): the presynaptic terms are taken at the free phase t=1, forward
    /// Δw = η ΔO_post O_pre(t=1) and learning channel Δc = η O_upper(t=1) ΔO. Eq. 19's T makes the learning channel
    /// grow as long as any error remains (T = O + (T − O) adds the never-negative (T − O)(T − O)ᵀ term); with O it stays
    /// bounded (REPRODUCTION.md, Figure 11).
    /// </summary>
    StdpFree,
}

namespace NeuroLc.Synapses;

/// <summary>The broadcast phase of one example's presentation (section 3.6) — the only non-local signal that
/// every cell may see, like a neuromodulator or an oscillation.</summary>
public enum Phase
{
    /// <summary>t = 0: forward sweep, O = f(Σ w O_pre) (eq. 15).</summary>
    Forward = 0,

    /// <summary>t = 1: the output (or, in explicit-error mode, T − O) is fed back through the learning channel
    /// (eq. 16).</summary>
    Feedback = 1,

    /// <summary>t = 2: the output is clamped to the target and fed back again (eq. 17).</summary>
    Clamped = 2,
}

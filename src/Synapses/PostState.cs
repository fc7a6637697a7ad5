namespace NeuroLc.Synapses;

/// <summary>
/// The local state of a post-synaptic cell, as its incoming synapses may see it: its own summed input S,
/// its outputs in phases 0/1/2, f'(S), what arrived from the opposite channel, its local error R and, for
/// output cells only, the target.
/// </summary>
public readonly struct PostState
{
    private readonly float _target;

    /// <summary>Creates the state of one post cell.</summary>
    public PostState(float s, float o, float fPrime, float o1, float o2, float other, float r, bool isOutput, float target)
    {
        S = s;
        O = o;
        FPrime = fPrime;
        O1 = o1;
        O2 = o2;
        Other = other;
        R = r;
        IsOutput = isOutput;
        _target = target;
    }

    /// <summary>Summed input from the cell's own channel.</summary>
    public float S { get; }

    /// <summary>Output at t = 0.</summary>
    public float O { get; }

    /// <summary>f'(S).</summary>
    public float FPrime { get; }

    /// <summary>Output at t = 1.</summary>
    public float O1 { get; }

    /// <summary>Output at t = 2.</summary>
    public float O2 { get; }

    /// <summary>ΔO = O(t=2) − O(t=1) (eq. 18).</summary>
    public float DeltaO => O2 - O1;

    /// <summary>Summed input from the opposite channel (for a forward cell: the learning-channel signal).</summary>
    public float Other { get; }

    /// <summary>The cell's local error R.</summary>
    public float R { get; }

    /// <summary>Whether this is an output cell (the only kind that holds a target).</summary>
    public bool IsOutput { get; }

    /// <summary>The target; reading it at a non-output cell is a <see cref="LocalityViolationException"/>.</summary>
    public float Target => IsOutput
        ? _target
        : throw new LocalityViolationException("(this synapse)", "T_post", "(its post cell)", "the target is local only to output cells");
}

namespace NeuroLc.Synapses;

/// <summary>
/// What one synapse may know when it updates, and nothing more: its own weight, its pre cell's output (same
/// channel as the synapse), its post cell's local state (<see cref="PostState"/>), the target only when the post
/// cell is an output cell, and the broadcast η and phase. It holds no reference to the network, so a rule given
/// only this view cannot reach another cell or synapse. In audit mode every read is reported to a recorder.
/// </summary>
public readonly ref struct LocalView
{
    private readonly ref readonly PostState _post;
    private readonly IReadRecorder? _recorder;
    private readonly float _weight;
    private readonly float _preOutput;
    private readonly float _eta;
    private readonly Phase _phase;

    /// <summary>Creates the view of one synapse.</summary>
    public LocalView(float weight, float preOutput, ref readonly PostState post, float eta, Phase phase, IReadRecorder? recorder = null)
    {
        _weight = weight;
        _preOutput = preOutput;
        _post = ref post;
        _eta = eta;
        _phase = phase;
        _recorder = recorder;
    }

    /// <summary>This synapse's weight.</summary>
    public float Weight => Read(LocalSymbol.Weight, _weight);

    /// <summary>The pre cell's output in the synapse's own channel.</summary>
    public float PreOutput => Read(LocalSymbol.PreOutput, _preOutput);

    /// <summary>Broadcast learning rate η.</summary>
    public float Eta => Read(LocalSymbol.Eta, _eta);

    /// <summary>Broadcast phase.</summary>
    public Phase Phase
    {
        get
        {
            _recorder?.Record(LocalSymbol.Phase);
            return _phase;
        }
    }

    /// <summary>Post cell's S.</summary>
    public float PostS => Read(LocalSymbol.PostS, _post.S);

    /// <summary>Post cell's output at t = 0.</summary>
    public float PostO => Read(LocalSymbol.PostO, _post.O);

    /// <summary>Post cell's f'(S).</summary>
    public float PostFPrime => Read(LocalSymbol.PostFPrime, _post.FPrime);

    /// <summary>Post cell's output at t = 1.</summary>
    public float PostO1 => Read(LocalSymbol.PostO1, _post.O1);

    /// <summary>Post cell's output at t = 2.</summary>
    public float PostO2 => Read(LocalSymbol.PostO2, _post.O2);

    /// <summary>Post cell's ΔO = O(t=2) − O(t=1).</summary>
    public float PostDeltaO => Read(LocalSymbol.PostDeltaO, _post.DeltaO);

    /// <summary>What the post cell received from the opposite channel.</summary>
    public float PostOther => Read(LocalSymbol.PostOther, _post.Other);

    /// <summary>Post cell's local error R.</summary>
    public float PostR => Read(LocalSymbol.PostR, _post.R);

    /// <summary>Whether the post cell is an output cell.</summary>
    public bool PostIsOutput => _post.IsOutput;

    /// <summary>The target at the post cell; throws <see cref="LocalityViolationException"/> unless it is an
    /// output cell.</summary>
    public float Target
    {
        get
        {
            _recorder?.Record(LocalSymbol.PostTarget);
            return _post.Target;
        }
    }

    /// <summary>Reads a symbol by name-independent id (used by compiled text rules).</summary>
    public float Get(LocalSymbol symbol) => symbol switch
    {
        LocalSymbol.Eta => Eta,
        LocalSymbol.Phase => (float)Phase,
        LocalSymbol.Weight => Weight,
        LocalSymbol.PreOutput => PreOutput,
        LocalSymbol.PostS => PostS,
        LocalSymbol.PostO => PostO,
        LocalSymbol.PostFPrime => PostFPrime,
        LocalSymbol.PostO1 => PostO1,
        LocalSymbol.PostO2 => PostO2,
        LocalSymbol.PostDeltaO => PostDeltaO,
        LocalSymbol.PostOther => PostOther,
        LocalSymbol.PostR => PostR,
        LocalSymbol.PostTarget => Target,
        _ => throw new ArgumentOutOfRangeException(nameof(symbol), symbol, "unknown local symbol"),
    };

    private float Read(LocalSymbol symbol, float value)
    {
        _recorder?.Record(symbol);
        return value;
    }
}

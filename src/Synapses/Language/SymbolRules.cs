namespace NeuroLc.Synapses.Language;

// One leaf struct per local symbol: a compiled text rule is a generic struct built from these and the
// operator structs, so the JIT inlines it exactly like a hand-written rule.

/// <summary>Leaf <c>eta</c>.</summary>
public readonly struct EtaSymbol : IPlasticityRule
{
    /// <inheritdoc />
    public float Delta(in LocalView view) => view.Eta;
}

/// <summary>Leaf <c>phase</c>.</summary>
public readonly struct PhaseSymbol : IPlasticityRule
{
    /// <inheritdoc />
    public float Delta(in LocalView view) => (float)view.Phase;
}

/// <summary>Leaf <c>w</c>.</summary>
public readonly struct WeightSymbol : IPlasticityRule
{
    /// <inheritdoc />
    public float Delta(in LocalView view) => view.Weight;
}

/// <summary>Leaf <c>O_pre</c>.</summary>
public readonly struct PreOutputSymbol : IPlasticityRule
{
    /// <inheritdoc />
    public float Delta(in LocalView view) => view.PreOutput;
}

/// <summary>Leaf <c>S_post</c>.</summary>
public readonly struct PostSSymbol : IPlasticityRule
{
    /// <inheritdoc />
    public float Delta(in LocalView view) => view.PostS;
}

/// <summary>Leaf <c>O_post</c>.</summary>
public readonly struct PostOSymbol : IPlasticityRule
{
    /// <inheritdoc />
    public float Delta(in LocalView view) => view.PostO;
}

/// <summary>Leaf <c>fprime_post</c>.</summary>
public readonly struct PostFPrimeSymbol : IPlasticityRule
{
    /// <inheritdoc />
    public float Delta(in LocalView view) => view.PostFPrime;
}

/// <summary>Leaf <c>O1_post</c>.</summary>
public readonly struct PostO1Symbol : IPlasticityRule
{
    /// <inheritdoc />
    public float Delta(in LocalView view) => view.PostO1;
}

/// <summary>Leaf <c>O2_post</c>.</summary>
public readonly struct PostO2Symbol : IPlasticityRule
{
    /// <inheritdoc />
    public float Delta(in LocalView view) => view.PostO2;
}

/// <summary>Leaf <c>dO_post</c>.</summary>
public readonly struct PostDeltaOSymbol : IPlasticityRule
{
    /// <inheritdoc />
    public float Delta(in LocalView view) => view.PostDeltaO;
}

/// <summary>Leaf <c>E_post</c>.</summary>
public readonly struct PostOtherSymbol : IPlasticityRule
{
    /// <inheritdoc />
    public float Delta(in LocalView view) => view.PostOther;
}

/// <summary>Leaf <c>R_post</c>.</summary>
public readonly struct PostRSymbol : IPlasticityRule
{
    /// <inheritdoc />
    public float Delta(in LocalView view) => view.PostR;
}

/// <summary>Leaf <c>T_post</c> (checked: output cells only).</summary>
public readonly struct PostTargetSymbol : IPlasticityRule
{
    /// <inheritdoc />
    public float Delta(in LocalView view) => view.Target;
}

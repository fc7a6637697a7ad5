namespace NeuroLc.Synapses.Language;

// Operator structs of compiled text rules. Each holds its operands by value; the whole tree is one struct type.

/// <summary>A numeric constant.</summary>
public readonly struct ConstantRule(float value) : IPlasticityRule
{
    private readonly float _value = value;

    /// <inheritdoc />
    public float Delta(in LocalView view) => _value;
}

/// <summary>a + b.</summary>
public readonly struct AddRule<TA, TB>(TA a, TB b) : IPlasticityRule
    where TA : struct, IPlasticityRule
    where TB : struct, IPlasticityRule
{
    private readonly TA _a = a;
    private readonly TB _b = b;

    /// <inheritdoc />
    public float Delta(in LocalView view) => _a.Delta(view) + _b.Delta(view);
}

/// <summary>a − b.</summary>
public readonly struct SubtractRule<TA, TB>(TA a, TB b) : IPlasticityRule
    where TA : struct, IPlasticityRule
    where TB : struct, IPlasticityRule
{
    private readonly TA _a = a;
    private readonly TB _b = b;

    /// <inheritdoc />
    public float Delta(in LocalView view) => _a.Delta(view) - _b.Delta(view);
}

/// <summary>a · b.</summary>
public readonly struct MultiplyRule<TA, TB>(TA a, TB b) : IPlasticityRule
    where TA : struct, IPlasticityRule
    where TB : struct, IPlasticityRule
{
    private readonly TA _a = a;
    private readonly TB _b = b;

    /// <inheritdoc />
    public float Delta(in LocalView view) => _a.Delta(view) * _b.Delta(view);
}

/// <summary>a / b.</summary>
public readonly struct DivideRule<TA, TB>(TA a, TB b) : IPlasticityRule
    where TA : struct, IPlasticityRule
    where TB : struct, IPlasticityRule
{
    private readonly TA _a = a;
    private readonly TB _b = b;

    /// <inheritdoc />
    public float Delta(in LocalView view) => _a.Delta(view) / _b.Delta(view);
}

/// <summary>−a.</summary>
public readonly struct NegateRule<TA>(TA a) : IPlasticityRule
    where TA : struct, IPlasticityRule
{
    private readonly TA _a = a;

    /// <inheritdoc />
    public float Delta(in LocalView view) => -_a.Delta(view);
}

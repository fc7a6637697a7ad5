namespace NeuroLc.Synapses.Rules;

/// <summary>Δw = 0: a fixed synapse (e.g. the random feedback weights c of RBP and SRBP).</summary>
public readonly struct FixedRule : IPlasticityRule
{
    /// <inheritdoc />
    public float Delta(in LocalView view) => 0f;
}

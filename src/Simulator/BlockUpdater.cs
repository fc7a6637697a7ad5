using NeuroLc.Synapses;

namespace NeuroLc.Simulator;

/// <summary>Runs one projection's plasticity with its rule type fixed, so the synapse loop is specialised.</summary>
internal interface IBlockUpdater
{
    void Update(SynapseBlock block, ReadOnlySpan<float> pre, ReadOnlySpan<PostState> post, float eta, Phase phase,
        Span<float> destination, IReadRecorder? recorder);
}

/// <summary>The generic closure over a rule struct: one virtual call per projection, none per synapse.</summary>
internal sealed class BlockUpdater<TRule>(TRule rule) : IBlockUpdater
    where TRule : struct, IPlasticityRule
{
    private readonly TRule _rule = rule;

    public void Update(SynapseBlock block, ReadOnlySpan<float> pre, ReadOnlySpan<PostState> post, float eta, Phase phase,
        Span<float> destination, IReadRecorder? recorder)
        => block.Update(_rule, pre, post, eta, phase, destination, recorder);

    /// <summary>Creates the updater for a rule whose struct type is only known at run time (compiled text rules).</summary>
    public static IBlockUpdater ForBoxed(IPlasticityRule rule)
    {
        Type type = typeof(BlockUpdater<>).MakeGenericType(rule.GetType());
        return (IBlockUpdater)Activator.CreateInstance(type, rule)!;
    }
}

/// <summary>The closure over a separable rule: the audit-free path runs the factorised (vectorised) kernel, the
/// audited path the per-synapse <see cref="LocalView"/> so every read is recorded.</summary>
internal sealed class SeparableBlockUpdater<TRule>(TRule rule) : IBlockUpdater
    where TRule : struct, ISeparableRule
{
    private readonly TRule _rule = rule;

    public void Update(SynapseBlock block, ReadOnlySpan<float> pre, ReadOnlySpan<PostState> post, float eta, Phase phase,
        Span<float> destination, IReadRecorder? recorder)
    {
        if (recorder is null)
        {
            block.UpdateSeparable(_rule, pre, post, eta, phase, destination);
        }
        else
        {
            block.Update(_rule, pre, post, eta, phase, destination, recorder);
        }
    }
}

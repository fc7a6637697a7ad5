using BenchmarkDotNet.Attributes;
using NeuroLc.Channels.Graph;
using NeuroLc.Neurons;
using NeuroLc.Synapses;
using NeuroLc.Synapses.Language;
using NeuroLc.Synapses.Rules;

// Not "NeuroLc.Bench.CellEngine": a namespace of that name would hide the type NeuroLc.Simulator.CellEngine in sibling suites.
namespace NeuroLc.Bench.CellEngineSuite;

/// <summary>
/// ns per synapse-update (propagation Σ w·O_pre into every post cell, then one plasticity update of every
/// synapse through its rule) for the cell engine's CSR synapse blocks: a dense 1000×1000 layer and a sparse
/// 10,000×10,000 layer with 1% connectivity (≈1M synapses each, so OperationsPerInvoke = 1,000,000 gives
/// ns per synapse-update directly; the sparse layer's exact count is printed by the setup).
/// </summary>
[MemoryDiagnoser]
public class SynapseUpdateBenchmarks
{
    private const int Synapses = 1_000_000;
    private SynapseBlock _block = null!;
    private float[] _pre = [];
    private float[] _accumulator = [];
    private PostState[] _post = [];
    private Action _textRuleStep = null!;

    /// <summary>The layer.</summary>
    [Params("dense-1000x1000", "sparse-10000x10000-1pct")]
    public string Layer { get; set; } = "";

    /// <summary>Builds the block and the pre/post state, seeded.</summary>
    [GlobalSetup]
    public void Setup()
    {
        bool dense = Layer.StartsWith("dense", StringComparison.Ordinal);
        int n = dense ? 1000 : 10_000;
        SynapseLayout layout = WeightMaterializer.Materialize(
            dense ? WeightInit.GlorotUniform(1) : WeightInit.Normal(0.01, 1, density: 0.01), n, n);
        _block = new SynapseBlock(Layer, "pre", "post", n, n, layout.RowStart, layout.PreIndex, layout.Weights, delay: 1);
        _pre = Enumerable.Range(0, n).Select(i => CounterRng.Uniform(2, (ulong)i, 0)).ToArray();
        _accumulator = new float[n];
        _post = Enumerable.Range(0, n).Select(i => new PostState(
            0.1f, 0.5f, 0.75f, CounterRng.Uniform(3, (ulong)i, 0), CounterRng.Uniform(3, (ulong)i, 1), 0.2f,
            CounterRng.Uniform(3, (ulong)i, 2) - 0.5f, false, 0f)).ToArray();
        TextRule text = TextRule.Compile("dw = eta * dO_post * O_pre");
        _textRuleStep = (Action)typeof(SynapseUpdateBenchmarks).GetMethod(nameof(MakeStep), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
            .MakeGenericMethod(text.Compiled.GetType()).Invoke(this, [text.Compiled])!;
        Console.WriteLine($"// {Layer}: {_block.Count} synapses, {_block.BytesPerSynapse} bytes of state per synapse");
    }

    /// <summary>Propagation + phase-difference STDP (eq. 14), the engine's path (factorised rule).</summary>
    [Benchmark(OperationsPerInvoke = Synapses)]
    public void Stdp() => SeparableStep(default(StdpRule));

    /// <summary>Propagation + explicit-error rule Δw = η R O_pre (eqs. 8, 11), the engine's path.</summary>
    [Benchmark(OperationsPerInvoke = Synapses)]
    public void ExplicitError() => SeparableStep(default(ExplicitErrorRule));

    /// <summary>Propagation + STDP evaluated per synapse through its <see cref="LocalView"/> (the path of any
    /// non-factorised rule).</summary>
    [Benchmark(OperationsPerInvoke = Synapses)]
    public void StdpPerSynapseView() => Step(default(StdpRule));

    /// <summary>Propagation + the STDP rule written as text and compiled (per-synapse view path).</summary>
    [Benchmark(OperationsPerInvoke = Synapses)]
    public void StdpTextRule() => _textRuleStep();

    private Action MakeStep<TRule>(TRule rule)
        where TRule : struct, IPlasticityRule
        => () => Step(rule);

    private void SeparableStep<TRule>(TRule rule)
        where TRule : struct, ISeparableRule
    {
        _block.Propagate(_pre, _accumulator);
        _block.UpdateSeparable(rule, _pre, _post, 1e-6f, Phase.Clamped, _block.Weights);
    }

    private void Step<TRule>(TRule rule)
        where TRule : struct, IPlasticityRule
    {
        _block.Propagate(_pre, _accumulator);
        _block.Update(rule, _pre, _post, 1e-6f, Phase.Clamped, _block.Weights);
    }
}

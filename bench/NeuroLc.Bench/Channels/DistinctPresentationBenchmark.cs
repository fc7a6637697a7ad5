using BenchmarkDotNet.Attributes;
using NeuroLc.Channels.Architectures;
using NeuroLc.Neurons;
using NeuroLc.Simulator;

namespace NeuroLc.Bench.Channels;

/// <summary>
/// Per-example presentation time in the cell engine for the Figure 7/8-size Distinct network (784-100×4(tanh)-10
/// softmax, tanh learning channel of 100 cells per layer, chained RBP-like, random C′): one
/// <see cref="CellEngine.Train"/> call is every phase of the example (forward, feedback, and in
/// <see cref="PresentationMode.Phases"/> the clamped phase) plus the plasticity update of every synapse.
/// </summary>
[MemoryDiagnoser]
public class DistinctPresentationBenchmark
{
    private CellEngine _engine = null!;
    private float[] _input = null!;
    private float[] _target = null!;

    /// <summary>Two-phase explicit-error presentation or the three-phase (STDP) presentation.</summary>
    [Params(PresentationMode.ExplicitError, PresentationMode.Phases)]
    public PresentationMode Mode { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var graph = new ArchitectureBuilder()
            .Forward(784, [100, 100, 100, 100], 10, TransferFunction.Tanh, TransferFunction.Softmax)
            .Distinct(100, 100, 100, 100).Algorithm(LearningAlgorithm.Rbp).LearningTransfer(LearningChannelTransfer.Forward)
            .Seed(1).Build();
        _engine = new CellEngine(graph, new EngineOptions { LearningRate = 0.01f, Mode = Mode, Seed = 1 });
        _input = Enumerable.Range(0, 784).Select(i => (float)CounterRng.UniformDouble(7, (ulong)i, 0)).ToArray();
        _target = new float[10];
        _target[3] = 1f;
    }

    [Benchmark]
    public void PresentOneExample() => _engine.Train(_input, _target);
}

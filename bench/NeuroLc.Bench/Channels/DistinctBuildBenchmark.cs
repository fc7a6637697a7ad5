using BenchmarkDotNet.Attributes;
using NeuroLc.Channels.Architectures;
using NeuroLc.Channels.Audit;
using NeuroLc.Channels.Graph;
using NeuroLc.Neurons;

namespace NeuroLc.Bench.Channels;

/// <summary>
/// Building (validating) the Figure 7/8-size Distinct network, 784-100×4(tanh)-10 softmax with a tanh learning
/// channel of 100 cells per layer, and materialising all its weights (what an engine does first); plus the
/// symmetry audit of the built graph. Target: build under one second.
/// </summary>
[MemoryDiagnoser]
public class DistinctBuildBenchmark
{
    private ArchitectureBuilder _builder = null!;
    private NetworkGraph _graph = null!;

    [GlobalSetup]
    public void Setup()
    {
        _builder = new ArchitectureBuilder()
            .Forward(784, [100, 100, 100, 100], 10, TransferFunction.Tanh, TransferFunction.Softmax)
            .Distinct(100, 100, 100, 100).Algorithm(LearningAlgorithm.Rbp).LearningTransfer(LearningChannelTransfer.Forward)
            .Seed(1);
        _graph = _builder.Build();
    }

    [Benchmark]
    public NetworkGraph Build() => _builder.Build();

    [Benchmark]
    public int BuildAndMaterialize() => _builder.Build().Projections.Sum(p => WeightMaterializer.Materialize(p.Init, _graph.Population(p.Pre).Size, _graph.Population(p.Post).Size).Count);

    [Benchmark]
    public SymmetryReport Audit() => SymmetryAudit.Run(_graph);
}

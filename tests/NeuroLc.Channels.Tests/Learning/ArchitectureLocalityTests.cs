using NeuroLc.Channels.Graph;
using NeuroLc.Channels.Specs;
using NeuroLc.Simulator;
using NeuroLc.Simulator.Training;

namespace NeuroLc.Channels.Tests.Learning;

/// <summary>Every shipped architecture that can be built runs in the cell engine's audit mode without a single
/// non-local read: the builders wire only what the synapses may see.</summary>
public sealed class ArchitectureLocalityTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(10)]
    public void ShippedArchitectureTrainsWithOnlyLocalReads(int number)
    {
        NetworkGraph g = ArchitectureSpec.LoadFile(RepoPaths.Architecture(number)).Build();
        var engine = new CellEngine(g, new EngineOptions { LearningRate = 0.05f, Seed = 1, Audit = true });
        Dataset data = SyntheticTasks.F(1, 20, seed: 3);
        float[] before = engine.Block("h2->h3").Weights.ToArray();

        Trainer.RunEpoch(engine, data, 1, 0);

        Assert.Empty(engine.Audit!.Violations);
        Assert.True(engine.Audit.Updates > 0);
        Assert.NotEqual(before, engine.Block("h2->h3").Weights);
    }
}

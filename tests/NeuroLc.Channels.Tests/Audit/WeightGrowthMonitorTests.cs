using NeuroLc.Channels.Architectures;
using NeuroLc.Channels.Audit;
using NeuroLc.Channels.Graph;

namespace NeuroLc.Channels.Tests.Audit;

public sealed class WeightGrowthMonitorTests
{
    // 2-[1]-1 Conjoined RBP: forward in->h1 (2 weights), h1->out (1); learning out->h1 (1); biases ignored.
    private static readonly NetworkGraph Graph = new ArchitectureBuilder().Forward(2, [1], 1).Conjoined().Build();

    private static Func<string, float[]> Weights(float forward, float learning) => name => name switch
    {
        "in->h1" => [forward, forward],
        "h1->out" => [forward],
        "out->h1" => [learning],
        _ => [100f],
    };

    [Fact]
    public void ReportsGrowthOfBothChannelsAndFlagsAFasterLearningChannel()
    {
        var m = new WeightGrowthMonitor(Graph);
        WeightGrowthSample first = m.Record(0, Weights(0.5f, 0.1f));
        Assert.Equal(0.5, first.ForwardRms, 6);
        Assert.Equal(0.1, first.LearningRms, 6);
        m.Record(10, Weights(1f, 0.9f));

        WeightGrowthReport r = m.Report();
        Assert.Equal(2.0, r.ForwardGrowth, 6);
        Assert.Equal(9.0, r.LearningGrowth, 5);
        Assert.True(r.LearningOutgrowsForward);
        Assert.False(r.LearningRunaway);
        Assert.StartsWith("learning-channel weights grew 9× while forward weights grew 2× over 10 examples: unstable, the learning channel outgrows the forward channel (ratio 4.5 > 2)", r.Summary);
    }

    [Fact]
    public void BalancedGrowthIsStable()
    {
        var m = new WeightGrowthMonitor(Graph);
        m.Record(0, Weights(0.5f, 0.2f));
        m.Record(5, Weights(1f, 0.6f));

        WeightGrowthReport r = m.Report();
        Assert.False(r.Unstable);
        Assert.Contains("stable (ratio 1.5 ≤ 2", r.Summary);
    }

    [Fact]
    public void NeedsTwoSamplesAndALearningChannel()
    {
        var m = new WeightGrowthMonitor(Graph);
        m.Record(0, Weights(1f, 1f));
        Assert.Throws<InvalidOperationException>(() => m.Report());

        NetworkGraph bp = new ArchitectureBuilder().Forward(2, [1], 1).Conjoined().Algorithm(LearningAlgorithm.Bp).SharedWeights().Build();
        Assert.Throws<ArgumentException>(() => new WeightGrowthMonitor(bp));
    }
}

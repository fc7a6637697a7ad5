using NeuroLc.Channels.Architectures;
using NeuroLc.Channels.Audit;
using NeuroLc.Channels.Graph;
using NeuroLc.Neurons;
using NeuroLc.Simulator;
using NeuroLc.Synapses;
using Xunit.Abstractions;

namespace NeuroLc.Channels.Tests.Learning;

/// <summary>
/// The built architectures learn f_1 in the cell engine (2-30-30-1, logistic output, 2000 training and 1000
/// held-out points, online updates, seeded). Each test stops as soon as its stated held-out accuracy is reached
/// (checked every two epochs) and fails if the budget runs out first.
/// </summary>
public sealed class ChannelLearningTests(ITestOutputHelper output)
{
    private static readonly EngineOptions Relu = new() { LearningRate = 0.1f, LearningRateDecay = 1e-4, Seed = 5 };
    private static readonly EngineOptions Tanh = new() { LearningRate = 0.1f, LearningRateDecay = 1e-5, Seed = 5 };

    private static ArchitectureBuilder Net(TransferFunction f) => new ArchitectureBuilder().Forward(2, [30, 30], 1, f, TransferFunction.Logistic).Seed(5);

    private F1Result Learn(ArchitectureBuilder b, EngineOptions options, double goal, int maxEpochs = 40)
    {
        F1Result r = F1Training.Run(b.Build(), options, maxEpochs, goal);
        output.WriteLine(r.ToString());
        Assert.True(r.Initial < 0.7, $"untrained network already at {r.Initial:P1}");
        Assert.True(r.Final >= goal, $"{r}; needed {goal:P0}");
        return r;
    }

    [Fact]
    public void ConjoinedBpLearns() => Learn(Net(TransferFunction.Relu).Conjoined().Algorithm(LearningAlgorithm.Bp).SharedWeights(), Relu, 0.90);

    [Fact]
    public void ConjoinedRbpLearns() => Learn(Net(TransferFunction.Relu).Conjoined().Algorithm(LearningAlgorithm.Rbp), Relu, 0.90);

    [Fact]
    public void ConjoinedSrbpLearns() => Learn(Net(TransferFunction.Relu).Conjoined().Algorithm(LearningAlgorithm.Srbp), Relu, 0.90);

    [Theory]
    [InlineData(100)]
    [InlineData(10)]
    public void DistinctLearningChannelLearns(int width)
        => Learn(Net(TransferFunction.Relu).Distinct(width, width).Algorithm(LearningAlgorithm.Srbp), Relu, 0.90);

    [Fact]
    public void DistinctLearningChannelOfOneCellPerLayerImprovesClearlyOverChance()
    {
        // Section 4.1.1: "A learning channel consisting of a single neuron at each layer leads to slow learning,
        // but still appears to converge."
        F1Result r = Learn(Net(TransferFunction.Relu).Distinct(1, 1).Algorithm(LearningAlgorithm.Srbp), Relu, 0.75);
        Assert.True(r.Final > F1Training.Chance + 0.2, $"{r}; chance is {F1Training.Chance:P1}");
    }

    [Fact]
    public void TanhLearningChannelLearns()
        => Learn(Net(TransferFunction.Tanh).Distinct(10, 10).Algorithm(LearningAlgorithm.Rbp).LearningTransfer(LearningChannelTransfer.Forward), Tanh, 0.80);

    [Fact]
    public void DropoutInTheLearningChannelLearns()
    {
        ArchitectureBuilder b = Net(TransferFunction.Tanh).Distinct(10, 10).Algorithm(LearningAlgorithm.Srbp).Dropout(0, 0.2);
        Assert.Equal(0.2, b.Build().Population("lc1").DropoutProbability);
        Learn(b, Tanh with { LearningRateDecay = 1e-4 }, 0.90);
    }

    [Fact]
    public void DropoutInAConjoinedLearningChannelLearns()
    {
        // Section 4.1.2 (Figure 9) with no learning-channel cells: each hidden forward cell drops the SRBP signal
        // it receives with p_lc = 0.2.
        ArchitectureBuilder b = Net(TransferFunction.Relu).Conjoined().Algorithm(LearningAlgorithm.Srbp).Dropout(0, 0.2);
        Assert.Equal(0.2, b.Build().Population("h1").LearningDropoutProbability);
        Learn(b, Relu, 0.85);
    }

    [Fact]
    public void AdaptiveAsrbpLearns()
    {
        NetworkGraph g = Net(TransferFunction.Tanh).Conjoined().Algorithm(LearningAlgorithm.Srbp).Adaptive(Adaptation.Hebbian).Build();
        var monitor = new WeightGrowthMonitor(g);
        F1Result r = F1Training.Run(g, Tanh, 40, 0.85, monitor);
        WeightGrowthReport growth = monitor.Report();
        output.WriteLine($"{r}; {growth.Summary}");

        Assert.True(r.Final >= 0.85, r.ToString());
        Assert.True(growth.LearningGrowth > 1.05, $"the learning channel did not adapt: {growth.Summary}");
    }

    [Fact]
    public void StdpPhaseRuleLearns()
    {
        // Section 3.6: three phases (eqs. 15–17), forward synapses Δw = η ΔO_post O_pre (eq. 14), ΔO ≈ R (eq. 18)
        // for small feedback weights; the learning-channel weights are fixed here (see the eq. 19 test below).
        Learn(Net(TransferFunction.Tanh).Conjoined().Algorithm(LearningAlgorithm.Srbp).LearningInitStd(0.3),
            Tanh with { Mode = PresentationMode.Phases }, 0.80);
    }

    [Fact]
    public void TheFreePhaseStdpRuleOfEq32StaysBoundedAndLearns()
    {
        // The network, rate and presentation of the eq. 19 case below, with the presynaptic terms at the free phase
        // (Theorem 2′): the learning channel must not outgrow the forward one, and f_1 must be learned (70.6 % after
        // 10 epochs with this seed, from 49.4 %). At the eq. 19 case's initial scale of 0.1 the channel instead decays
        // (×0.07) and the network stays near chance, so the scale is 0.3 here.
        NetworkGraph g = Net(TransferFunction.Tanh).Conjoined().Algorithm(LearningAlgorithm.Srbp).Adaptive(Adaptation.StdpFree).LearningInitStd(0.3).Build();
        Assert.Contains(g.Projections, p => p.Rule.Kind == RuleKind.LearningChannelStdpFree);
        Assert.Contains(g.Projections, p => p.Rule.Kind == RuleKind.StdpFree);
        var monitor = new WeightGrowthMonitor(g);
        F1Result result = F1Training.Run(g, new EngineOptions { LearningRate = 0.05f, Seed = 5, Mode = PresentationMode.Phases }, 10, 1.0, monitor);
        WeightGrowthReport growth = monitor.Report();
        output.WriteLine($"{growth.Summary}; accuracy {result.Initial:P1} -> {result.Final:P1}");

        Assert.False(growth.LearningOutgrowsForward, growth.Summary);
        Assert.True(result.Final >= 0.65, $"accuracy {result.Final:P1}");
    }

    [Fact]
    public void AdaptiveStdpLearningChannelRuleIsReportedUnstableAtTheForwardLearningRate()
    {
        // Eq. 19, Δc = η T ΔO with ΔO ≈ f' c (T − O): c grows in proportion to itself while T − O ≠ 0. The paper
        // trained its STDP variants with a learning rate 300 times smaller (Figure 13); at the forward channel's
        // rate the diagnostic must report the learning channel outgrowing the forward one.
        NetworkGraph g = Net(TransferFunction.Tanh).Conjoined().Algorithm(LearningAlgorithm.Srbp).Adaptive(Adaptation.Stdp).LearningInitStd(0.1).Build();
        var monitor = new WeightGrowthMonitor(g);
        F1Training.Run(g, new EngineOptions { LearningRate = 0.05f, Seed = 5, Mode = PresentationMode.Phases }, 10, 1.0, monitor);
        WeightGrowthReport growth = monitor.Report();
        output.WriteLine(growth.Summary);

        Assert.True(growth.LearningOutgrowsForward, growth.Summary);
        Assert.StartsWith("learning-channel weights grew", growth.Summary);
        Assert.Contains("unstable", growth.Summary);
    }

    [Fact]
    public void HebbianArbpWithTanhCellsRecordsTheGrowthOfBothChannels()
    {
        // Section 4.1.3: "The Hebbian ARBP algorithm initially learns quickly, but the weights in the learning
        // channel grow faster than the weights in the forward channel, causing the activities in the forward
        // channel to saturate [...] This occures even when the tanh non-linearity is used in the learning channel".
        // Here (f_1, 2-30×4-1, tanh in both channels, Twin) both channels' weights run away together and the
        // forward cells saturate; the test does not force success, it checks that the diagnostic records and
        // reports the growth of both channels.
        NetworkGraph g = new ArchitectureBuilder().Forward(2, [30, 30, 30, 30], 1, TransferFunction.Tanh, TransferFunction.Logistic).Seed(5)
            .Twin().Algorithm(LearningAlgorithm.Rbp).Adaptive(Adaptation.Hebbian).LearningTransfer(LearningChannelTransfer.Forward).Build();
        var monitor = new WeightGrowthMonitor(g);
        F1Result r = F1Training.Run(g, Tanh with { LearningRateDecay = 0 }, 6, 1.0, monitor);
        WeightGrowthReport growth = monitor.Report(ratio: 2.0, runawayLimit: 10.0);
        output.WriteLine($"{r}; {growth.Summary}");

        // The last sample is the RMS of the trained engine's weights, computed here independently.
        Assert.Equal(7, growth.Samples.Count);
        Assert.Equal(Rms(r.Engine, g, p => p.Kind == ProjectionKind.Forward && p.Pre != "bias"), growth.Samples[^1].ForwardRms, 6);
        Assert.Equal(Rms(r.Engine, g, p => p.Kind != ProjectionKind.Forward), growth.Samples[^1].LearningRms, 6);
        Assert.True(growth.ForwardGrowth > 1 && growth.LearningGrowth > 1, growth.Summary);
        Assert.True(growth.LearningRunaway, growth.Summary);
        Assert.Contains("runaway growth (> 10×)", growth.Summary);
    }

    private static double Rms(CellEngine engine, NetworkGraph g, Func<ProjectionSpec, bool> select)
    {
        float[] all = g.Projections.Where(select).SelectMany(p => engine.Block(p.Name).Weights).ToArray();
        return Math.Sqrt(all.Sum(w => (double)w * w) / all.Length);
    }
}

using NeuroLc.Channels.Architectures;
using NeuroLc.Channels.Graph;
using NeuroLc.Neurons;
using NeuroLc.Synapses;

namespace NeuroLc.Channels.Tests.Architectures;

public sealed class ArchitectureBuilderTests
{
    private static ArchitectureBuilder Small() => new ArchitectureBuilder().Forward(2, [5, 4, 3], 1);

    private static string[] Learning(NetworkGraph g) => g.Projections
        .Where(p => p.Kind.CarriedChannel() == Channel.Learning || p.Kind == ProjectionKind.LateralA)
        .Select(p => $"{p.Name}:{p.Kind}").ToArray();

    [Fact]
    public void ForwardChannelIsFullyConnectedWithBiases()
    {
        NetworkGraph g = Small().Conjoined().Build();

        Assert.Equal(["in", "bias", "h1", "h2", "h3", "out"], g.Populations.Select(p => p.Name));
        Assert.Equal(["in->h1", "bias->h1", "h1->h2", "bias->h2", "h2->h3", "bias->h3", "h3->out", "bias->out"],
            g.Projections.Where(p => p.Kind == ProjectionKind.Forward).Select(p => p.Name));
        Assert.All(g.Projections.Where(p => p.Kind == ProjectionKind.Forward), p => Assert.Equal(RuleKind.ExplicitError, p.Rule.Kind));
    }

    [Fact]
    public void ConjoinedRbpChainsBackThroughTheForwardCells()
    {
        NetworkGraph g = Small().Conjoined().Algorithm(LearningAlgorithm.Rbp).Build();

        Assert.Equal(["out->h3:Feedback", "h3->h2:Feedback", "h2->h1:Feedback"], Learning(g));
        Assert.All(g.Projections.Where(p => p.Kind == ProjectionKind.Feedback), p =>
        {
            Assert.Null(p.SharedWith);
            Assert.Equal(RuleKind.Fixed, p.Rule.Kind);
        });
    }

    [Fact]
    public void ConjoinedSrbpSkipsFromTheOutputToEveryLayer()
    {
        NetworkGraph g = Small().Conjoined().Algorithm(LearningAlgorithm.Srbp).Build();

        Assert.Equal(["out->h1:Skip", "out->h2:Skip", "out->h3:Skip"], Learning(g));
    }

    [Fact]
    public void MixedConnectionsChainAndSkipBelowTheTop()
    {
        NetworkGraph g = Small().Distinct(6, 2, 1).Algorithm(LearningAlgorithm.Srbp).Connections(ChannelConnections.Mixed).Build();

        Assert.Equal(
            ["out->lc3:Feedback", "lc3->lc2:Feedback", "lc2->lc1:Feedback", "out->lc1:Skip", "out->lc2:Skip", "lc1->h1:LateralC", "lc2->h2:LateralC", "lc3->h3:LateralC"],
            Learning(g));
        Assert.Equal([6, 2, 1], g.PopulationsIn(Channel.Learning).Select(p => p.Size));
    }

    [Fact]
    public void BpDeclaresTransposedSharingAndBidirectionalMarksTheSameSynapse()
    {
        NetworkGraph conjoined = Small().Conjoined().Algorithm(LearningAlgorithm.Bp).SharedWeights().Build();
        NetworkGraph bidirectional = Small().Bidirectional().Build();

        Assert.Equal("h2->h3", conjoined.Projection("h3->h2").SharedWith);
        Assert.Equal("h3->out", conjoined.Projection("out->h3").SharedWith);
        Assert.False(conjoined.Projection("h3->h2").Bidirectional);
        Assert.True(bidirectional.Projection("h3->h2").Bidirectional);
        WeightSharingCheck.Verify(conjoined);
    }

    [Fact]
    public void IdenticalTwinDeliversOneToOneAndTwinThroughRandomC()
    {
        NetworkGraph identical = Small().IdenticalTwin().Build();
        NetworkGraph twin = Small().Twin().Build();

        float[,] m = identical.Projection("lc2->h2").Init.Matrix!;
        Assert.Equal(4, m.GetLength(0));
        Assert.Equal(1f, m[3, 3]);
        Assert.Equal(0f, m[3, 2]);
        Assert.Equal(WeightInitKind.GlorotNormal, twin.Projection("lc2->h2").Init.Kind);
        Assert.Equal([5, 4, 3], twin.PopulationsIn(Channel.Learning).Select(p => p.Size));
    }

    [Fact]
    public void OptionsReachPopulationsAndRules()
    {
        NetworkGraph g = Small().Distinct(7, 7, 7).LearningTransfer(LearningChannelTransfer.Forward)
            .Adaptive(Adaptation.Stdp).Dropout(0.25, 0.5).WithLateralA().LearningInitStd(0.05).Seed(9).Build();

        Assert.All(g.PopulationsIn(Channel.Learning), p =>
        {
            Assert.Equal(TransferFunction.Tanh, p.Transfer);
            Assert.Equal(0.5, p.DropoutProbability);
        });
        Assert.Equal(0.25, g.Population("h2").DropoutProbability);
        Assert.Equal(RuleKind.Stdp, g.Projection("h1->h2").Rule.Kind);
        Assert.Equal(RuleKind.LearningChannelStdp, g.Projection("lc3->lc2").Rule.Kind);
        Assert.Equal(ProjectionKind.LateralA, g.Projection("h2->lc2").Kind);
        Assert.Equal(WeightInitKind.Normal, g.Projection("h2->lc2").Init.Kind);
        Assert.Equal(0.05, g.Projection("h2->lc2").Init.Scale);
    }

    [Fact]
    public void CustomLateralCWiresOnlyTheGivenPairs()
    {
        NetworkGraph g = Small().Distinct(3, 3, 3).LateralC(1, 1).LateralC(3, 2).LateralC(3, 3).Build();

        Assert.Equal(["lc1->h1", "lc3->h2", "lc3->h3"], g.Projections.Where(p => p.Kind == ProjectionKind.LateralC).Select(p => p.Name));
    }

    [Fact]
    public void SameOptionsGiveTheSameWeights()
    {
        SynapseLayout a = Materialize(Small().Distinct(4, 4, 4).Seed(3).Build(), "lc2->h2");
        SynapseLayout b = Materialize(Small().Distinct(4, 4, 4).Seed(3).Build(), "lc2->h2");
        SynapseLayout c = Materialize(Small().Distinct(4, 4, 4).Seed(4).Build(), "lc2->h2");

        Assert.Equal(a.Weights, b.Weights);
        Assert.NotEqual(a.Weights, c.Weights);
    }

    [Theory]
    [InlineData(LearningChannelKind.Twin)]
    [InlineData(LearningChannelKind.IdenticalTwin)]
    [InlineData(LearningChannelKind.Distinct)]
    public void BpWithSeparateLearningCellsIsRejectedAsWeightSymmetry(LearningChannelKind kind)
    {
        var b = new ArchitectureBuilder(new ArchitectureOptions
        {
            Forward = new ForwardChannelOptions { Hidden = [4, 4] },
            LearningChannel = new LearningChannelOptions
            {
                Kind = kind,
                Algorithm = LearningAlgorithm.Bp,
                Widths = kind == LearningChannelKind.Distinct ? [4, 4] : null,
            },
        });

        ArchitectureException e = Assert.Throws<ArchitectureException>(b.Build);
        Assert.Equal("learningChannel.algorithm", e.Path);
        Assert.Contains("weight-symmetry requirement, WTS", e.Message);
    }

    [Fact]
    public void ConjoinedBpWithoutDeclaredSharingIsRejected()
    {
        ArchitectureException e = Assert.Throws<ArchitectureException>(() => Small().Conjoined().Algorithm(LearningAlgorithm.Bp).Build());

        Assert.Equal("learningChannel.sharedWeights", e.Path);
        Assert.Contains("WTS", e.Message);
    }

    [Fact]
    public void ConjoinedLearningChannelDropoutIsCarriedByTheHiddenForwardCells()
    {
        NetworkGraph g = Small().Conjoined().Dropout(0.1, 0.25).Build();

        foreach (string h in new[] { "h1", "h2", "h3" })
        {
            Assert.Equal(0.1, g.Population(h).DropoutProbability);
            Assert.Equal(0.25, g.Population(h).LearningDropoutProbability);
        }

        Assert.Equal(0.0, g.Population("out").LearningDropoutProbability);
    }

    [Fact]
    public void BidirectionalLearningChannelDropoutIsCarriedByTheHiddenForwardCells()
    {
        NetworkGraph g = Small().Bidirectional().Dropout(0, 0.3).Build();

        Assert.Equal(0.3, g.Population("h2").LearningDropoutProbability);
    }

    [Fact]
    public void LearningChannelCellsKeepTheirOwnDropoutAndTheForwardCellsNone()
    {
        NetworkGraph g = Small().Twin().Algorithm(LearningAlgorithm.Rbp).Dropout(0, 0.2).Build();

        Assert.Equal(0.0, g.Population("h1").LearningDropoutProbability);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    public void ConjoinedLearningChannelDropoutOutsideUnitIntervalIsRejected(double p)
    {
        ArchitectureException e = Assert.Throws<ArchitectureException>(() => Small().Conjoined().Dropout(0, p).Build());

        Assert.Equal("learningChannel.dropout", e.Path);
    }

    [Fact]
    public void HandBuiltDeclaredSharingBetweenDifferentCellsFailsTheLocalityCheck()
    {
        NetworkGraph g = new NetworkBuilder()
            .Input("in", 2).Hidden("h", 3, TransferFunction.Tanh).Output("out", 2, TransferFunction.Identity)
            .LearningChannel("lc", 3, TransferFunction.Identity)
            .Forward("in", "h", WeightInit.GlorotUniform(1), PlasticitySpec.ExplicitError)
            .Forward("h", "out", WeightInit.GlorotUniform(2), PlasticitySpec.ExplicitError)
            .Feedback("out", "lc", WeightInit.Constant(0), sharedWith: "h->out")
            .LateralC("lc", "h", WeightInit.GlorotNormal(3))
            .Build();

        LocalityViolationException e = Assert.Throws<LocalityViolationException>(() => WeightSharingCheck.Verify(g));
        Assert.Equal("projection 'out->lc' (out->lc)", e.Synapse);
        Assert.Contains("weight-symmetry requirement (WTS)", e.Message);
    }

    [Fact]
    public void BidirectionalFlagWithoutSharingIsInvalid()
    {
        GraphValidationException e = Assert.Throws<GraphValidationException>(() => new NetworkBuilder()
            .Input("in", 2).Hidden("h", 3, TransferFunction.Tanh).Output("out", 2, TransferFunction.Identity)
            .Forward("in", "h", WeightInit.GlorotUniform(1), PlasticitySpec.ExplicitError)
            .Forward("h", "out", WeightInit.GlorotUniform(2), PlasticitySpec.ExplicitError)
            .Connect(new ProjectionSpec("out->h", "out", "h", ProjectionKind.Feedback, WeightInit.Constant(0), PlasticitySpec.Fixed) { Bidirectional = true })
            .Build());

        Assert.Equal("Bidirectional", e.Field);
    }

    [Fact]
    public void Figure7SizeDistinctNetworkBuilds()
    {
        // 784-100×4-10 with a learning channel of 100 cells per layer (section 4.1, Figure 8).
        NetworkGraph g = new ArchitectureBuilder()
            .Forward(784, [100, 100, 100, 100], 10, TransferFunction.Tanh, TransferFunction.Softmax)
            .Distinct(100, 100, 100, 100).Algorithm(LearningAlgorithm.Rbp).LearningTransfer(LearningChannelTransfer.Forward)
            .Build();

        Assert.Equal(784 + 1 + 400 + 10 + 400, g.CellCount);
        long synapses = g.Projections.Sum(p => (long)g.Population(p.Pre).Size * g.Population(p.Post).Size);
        Assert.Equal((784 * 100) + (3 * 100 * 100) + (100 * 10) + 410 + (10 * 100) + (3 * 100 * 100) + (4 * 100 * 100), synapses);
    }

    private static SynapseLayout Materialize(NetworkGraph g, string projection)
    {
        ProjectionSpec p = g.Projection(projection);
        return WeightMaterializer.Materialize(p.Init, g.Population(p.Pre).Size, g.Population(p.Post).Size);
    }
}

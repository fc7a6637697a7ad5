using NeuroLc.Channels.Graph;
using NeuroLc.Neurons;
using NeuroLc.Synapses;

namespace NeuroLc.Channels.Tests.Graph;

public sealed class NetworkBuilderTests
{
    private static NetworkBuilder Distinct() => new NetworkBuilder()
        .Input("in", 2).Bias("bias")
        .Hidden("h", 8, TransferFunction.Tanh)
        .Output("out", 1, TransferFunction.Logistic)
        .LearningChannel("lc", 3, TransferFunction.Identity)
        .Forward("in", "h", WeightInit.GlorotUniform(1), PlasticitySpec.ExplicitError)
        .Forward("bias", "h", WeightInit.Constant(0), PlasticitySpec.ExplicitError)
        .Forward("h", "out", WeightInit.GlorotUniform(2), PlasticitySpec.ExplicitError)
        .Skip("out", "lc", WeightInit.Normal(0.5, 3))
        .LateralC("lc", "h", WeightInit.Normal(0.5, 4));

    [Fact]
    public void BuildsDistinctNetworkWithSeparateLearningChannel()
    {
        NetworkGraph g = Distinct().Build();

        Assert.Equal(5, g.Populations.Count);
        Assert.Equal(Channel.Learning, g.Population("lc").Channel);
        Assert.Equal(ProjectionKind.LateralC, g.Projection("lc->h").Kind);
        Assert.Equal(Channel.Learning, g.Projection("lc->h").Kind.CarriedChannel());
        Assert.Equal(Channel.Forward, g.Projection("in->h").Kind.CarriedChannel());
        Assert.Equal(["in->h", "bias->h", "lc->h"], g.ProjectionsInto("h").Select(p => p.Name));
        Assert.Equal(2 + 1 + 8 + 1 + 3, g.CellCount);
    }

    [Fact]
    public void ConjoinedFeedbackOntoTheSameForwardCellsWithDeclaredSharing()
    {
        NetworkGraph g = new NetworkBuilder()
            .Input("in", 2).Hidden("h", 3, TransferFunction.Tanh).Output("out", 2, TransferFunction.Identity)
            .Forward("in", "h", WeightInit.GlorotUniform(1), PlasticitySpec.ExplicitError)
            .Forward("h", "out", WeightInit.GlorotUniform(2), PlasticitySpec.ExplicitError)
            .Feedback("out", "h", WeightInit.Constant(0), sharedWith: "h->out")
            .Build();

        Assert.Equal("h->out", g.Projection("out->h").SharedWith);
    }

    [Fact]
    public void MissingPopulationNamesProjectionAndField()
    {
        GraphValidationException e = Assert.Throws<GraphValidationException>(() => Distinct()
            .Forward("h", "nowhere", WeightInit.Constant(0.1), PlasticitySpec.Fixed).Build());
        Assert.Equal("projection 'h->nowhere'", e.ObjectName);
        Assert.Equal("Post", e.Field);
        Assert.Contains("nowhere", e.Message);
    }

    [Fact]
    public void DelayBelowOneIsRejected()
    {
        GraphValidationException e = Assert.Throws<GraphValidationException>(() => Distinct()
            .Connect("h", "out", ProjectionKind.Forward, WeightInit.Constant(0.1), delay: 0, name: "slow").Build());
        Assert.Equal("Delay", e.Field);
        Assert.Contains("'slow'", e.ObjectName);
    }

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    public void NonFiniteWeightIsRejectedWithItsIndex(float bad)
    {
        var m = new float[1, 8];
        m[0, 5] = bad;
        GraphValidationException e = Assert.Throws<GraphValidationException>(() => new NetworkBuilder()
            .Input("in", 8).Output("out", 1, TransferFunction.Identity)
            .Forward("in", "out", WeightInit.FromMatrix(m), PlasticitySpec.Fixed).Build());
        Assert.Equal("Init.Matrix[0, 5]", e.Field);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(-0.5)]
    [InlineData(double.NaN)]
    public void LearningDropoutOutsideUnitIntervalIsRejectedNamingThePopulation(double p)
    {
        GraphValidationException e = Assert.Throws<GraphValidationException>(() => new NetworkBuilder()
            .Input("in", 2)
            .Population(new PopulationSpec("h", 3, TransferFunction.Tanh, Channel.Forward, PopulationRole.Hidden) { LearningDropoutProbability = p })
            .Output("out", 1, TransferFunction.Identity)
            .Forward("in", "h", WeightInit.GlorotUniform(1), PlasticitySpec.ExplicitError)
            .Forward("h", "out", WeightInit.GlorotUniform(2), PlasticitySpec.ExplicitError).Build());
        Assert.Equal("population 'h'", e.ObjectName);
        Assert.Equal("LearningDropoutProbability", e.Field);
        Assert.Contains("must be in [0, 1)", e.Message);
    }

    [Fact]
    public void SizeMismatchIsRejected()
    {
        GraphValidationException e = Assert.Throws<GraphValidationException>(() => new NetworkBuilder()
            .Input("in", 2).Output("out", 3, TransferFunction.Identity)
            .Forward("in", "out", WeightInit.FromMatrix(new float[2, 3]), PlasticitySpec.Fixed).Build());
        Assert.Equal("Init.Matrix", e.Field);
        Assert.Contains("[3, 2]", e.Message);
    }

    [Fact]
    public void WrongKindAndBadTextRuleAreRejected()
    {
        Assert.Equal("Kind", Assert.Throws<GraphValidationException>(() => Distinct()
            .Connect("h", "out", ProjectionKind.LateralC, WeightInit.Constant(0.1), name: "bad").Build()).Field);
        GraphValidationException e = Assert.Throws<GraphValidationException>(() => Distinct()
            .LateralA("h", "lc", WeightInit.Constant(0.1), PlasticitySpec.FromText("dw = eta * bogus")).Build());
        Assert.Equal("Rule", e.Field);
        Assert.Contains("bogus", e.Message);
    }

    [Fact]
    public void SharedWithMustNameATransposableProjection()
    {
        GraphValidationException e = Assert.Throws<GraphValidationException>(() => Distinct()
            .Feedback("out", "h", WeightInit.Constant(0), sharedWith: "in->h").Build());
        Assert.Equal("SharedWith", e.Field);
    }

    [Fact]
    public void MaterializedWeightsAreDeterministicAndRespectDensity()
    {
        SynapseLayout a = WeightMaterializer.Materialize(WeightInit.Normal(1.0, 7, density: 0.1), 200, 100);
        SynapseLayout b = WeightMaterializer.Materialize(WeightInit.Normal(1.0, 7, density: 0.1), 200, 100);
        Assert.Equal(a.Weights, b.Weights);
        Assert.Equal(a.PreIndex, b.PreIndex);
        Assert.InRange(a.Count, 1700, 2300);
        double mean = a.Weights.Average(w => (double)w);
        double var = a.Weights.Average(w => (double)w * w) - (mean * mean);
        Assert.InRange(mean, -0.1, 0.1);
        Assert.InRange(var, 0.85, 1.15);

        SynapseLayout glorot = WeightMaterializer.Materialize(WeightInit.GlorotUniform(3), 30, 20);
        float limit = MathF.Sqrt(6f / 50f);
        Assert.All(glorot.Weights, w => Assert.InRange(w, -limit, limit));
        Assert.Equal(600, glorot.Count);
    }
}

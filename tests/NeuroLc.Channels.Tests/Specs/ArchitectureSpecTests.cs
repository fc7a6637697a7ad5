using NeuroLc.Channels.Architectures;
using NeuroLc.Channels.Graph;
using NeuroLc.Channels.Specs;
using NeuroLc.Neurons;

namespace NeuroLc.Channels.Tests.Specs;

public sealed class ArchitectureSpecTests
{
    private const string Distinct = """
        { "name": "d", "seed": 4,
          "forward": { "inputs": 2, "hidden": [8, 8], "outputs": 1, "transfer": "tanh", "outputTransfer": "logistic", "dropout": 0.1 },
          "learningChannel": { "kind": "distinct", "algorithm": "rbp", "widths": [10, 1], "transfer": "forward",
                               "adaptation": "hebbian", "dropout": 0.2, "lateralA": true, "initStd": 0.1 } }
        """;

    private static ArchitectureSpecException Fails(string json, bool build = false)
        => Assert.Throws<ArchitectureSpecException>(() =>
        {
            ArchitectureSpec spec = ArchitectureSpec.Parse(json, "spec.json");
            if (build)
            {
                spec.Build();
            }
        });

    private static string WithChannel(string channel) => $$"""
        { "forward": { "inputs": 2, "hidden": [8, 8], "outputs": 1 }, "learningChannel": {{channel}} }
        """;

    [Fact]
    public void ReadsEveryOption()
    {
        ArchitectureSpec spec = ArchitectureSpec.Parse(Distinct, "spec.json");
        NetworkGraph g = spec.Build();

        Assert.Equal("d", spec.Name);
        Assert.Equal(4ul, spec.Options.Seed);
        Assert.Equal([10, 1], spec.Options.LearningChannel.Widths!);
        Assert.Equal(0.1, g.Population("h1").DropoutProbability);
        Assert.Equal(0.2, g.Population("lc2").DropoutProbability);
        Assert.Equal(TransferFunction.Tanh, g.Population("lc1").Transfer);
        Assert.Equal(Synapses.RuleKind.Hebbian, g.Projection("lc2->lc1").Rule.Kind);
        Assert.Equal(ProjectionKind.LateralA, g.Projection("h2->lc2").Kind);
    }

    [Theory]
    [InlineData("stdp", Synapses.RuleKind.Stdp, Synapses.RuleKind.LearningChannelStdp)]
    [InlineData("stdp-free", Synapses.RuleKind.StdpFree, Synapses.RuleKind.LearningChannelStdpFree)]
    public void StdpAdaptationsWireTheirForwardAndLearningChannelRules(string adaptation, Synapses.RuleKind forward, Synapses.RuleKind channel)
    {
        NetworkGraph g = ArchitectureSpec.Parse(WithChannel($$"""{ "kind": "distinct", "algorithm": "srbp", "widths": [4, 4], "adaptation": "{{adaptation}}" }"""), "spec.json").Build();

        Assert.Equal(forward, g.Projection("in->h1").Rule.Kind);
        Assert.Equal(channel, g.Projection("lc1->h1").Rule.Kind);
    }

    [Fact]
    public void EveryShippedArchitectureSpecLoads()
    {
        for (int n = 1; n <= 10; n++)
        {
            ArchitectureSpec spec = ArchitectureSpec.LoadFile(RepoPaths.Architecture(n));
            Assert.Equal($"arch{n:00}", spec.Name);
            if (n != 3)
            {
                Assert.NotEmpty(spec.Build().Projections);
            }
        }
    }

    [Fact]
    public void UnknownKeyIsNamedByPath()
    {
        ArchitectureSpecException e = Fails(WithChannel("""{ "kind": "conjoined", "algorithm": "rbp", "width": [3, 3] }"""));

        Assert.Equal("$.learningChannel.width", e.JsonPath);
        Assert.StartsWith("spec.json: $.learningChannel.width: unknown key", e.Message);
    }

    [Fact]
    public void WrongTypeIsNamedByPath()
    {
        ArchitectureSpecException e = Fails("""{ "forward": { "inputs": 2, "hidden": [8, "8"], "outputs": 1 }, "learningChannel": { "kind": "conjoined", "algorithm": "rbp" } }""");

        Assert.Equal("spec.json: $.forward.hidden[1]: expected an integer, got the string \"8\"", e.Message);
    }

    [Fact]
    public void UnknownEnumValueListsTheChoices()
    {
        ArchitectureSpecException e = Fails(WithChannel("""{ "kind": "siamese", "algorithm": "rbp" }"""));

        Assert.Equal("$.learningChannel.kind", e.JsonPath);
        Assert.Contains("identicalTwin", e.Message);
    }

    [Fact]
    public void MissingRequiredValueIsNamed()
    {
        ArchitectureSpecException e = Fails(WithChannel("""{ "kind": "conjoined" }"""));

        Assert.Equal("$.learningChannel.algorithm", e.JsonPath);
        Assert.Contains("missing", e.Reason);
    }

    [Fact]
    public void LearningChannelWidthOfZeroIsRejected()
    {
        ArchitectureSpecException e = Fails(WithChannel("""{ "kind": "distinct", "algorithm": "srbp", "widths": [3, 0] }"""), build: true);

        Assert.Equal("spec.json: $.learningChannel.widths[1]: must be >= 1, was 0", e.Message);
    }

    [Fact]
    public void BpInADistinctNetworkIsRejectedAsWeightSymmetry()
    {
        ArchitectureSpecException e = Fails(WithChannel("""{ "kind": "distinct", "algorithm": "bp", "widths": [3, 3] }"""), build: true);

        Assert.Equal("$.learningChannel.algorithm", e.JsonPath);
        Assert.Contains("weight-symmetry requirement, WTS", e.Message);
    }

    [Fact]
    public void LateralCThatTargetsNoForwardLayerIsRejected()
    {
        ArchitectureSpecException e = Fails(WithChannel("""
            { "kind": "distinct", "algorithm": "rbp", "widths": [3, 3], "lateralC": [ { "from": 1, "to": 1 }, { "from": 2, "to": 3 } ] }
            """), build: true);

        Assert.Equal("$.learningChannel.lateralC[1].to", e.JsonPath);
        Assert.Contains("must name a forward hidden layer 1..2", e.Message);
    }

    [Fact]
    public void ForwardLayerThatNoLateralCReachesIsRejected()
    {
        ArchitectureSpecException e = Fails(WithChannel("""
            { "kind": "distinct", "algorithm": "rbp", "widths": [3, 3], "lateralC": [ { "from": 1, "to": 1 }, { "from": 2, "to": 1 } ] }
            """), build: true);

        Assert.Equal("$.learningChannel.lateralC", e.JsonPath);
        Assert.Contains("forward hidden layer 2 receives no C′", e.Message);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("1.5")]
    [InlineData("-0.1")]
    public void DropoutOutsideUnitIntervalIsRejected(string p)
    {
        ArchitectureSpecException lc = Fails(WithChannel($$"""{ "kind": "twin", "algorithm": "rbp", "dropout": {{p}} }"""), build: true);
        ArchitectureSpecException fwd = Fails($$"""
            { "forward": { "inputs": 2, "hidden": [8], "outputs": 1, "dropout": {{p}} }, "learningChannel": { "kind": "conjoined", "algorithm": "rbp" } }
            """, build: true);

        Assert.Equal($"spec.json: $.learningChannel.dropout: must be in [0, 1), was {double.Parse(p, System.Globalization.CultureInfo.InvariantCulture)}", lc.Message);
        Assert.Equal("$.forward.dropout", fwd.JsonPath);
    }

    [Theory]
    [InlineData("conjoined", "srbp", "1")]
    [InlineData("conjoined", "rbp", "-0.1")]
    [InlineData("bidirectional", "bp", "1.5")]
    public void ConjoinedLearningChannelDropoutOutsideUnitIntervalIsRejectedWithItsPath(string kind, string algorithm, string p)
    {
        ArchitectureSpecException e = Fails(WithChannel($$"""{ "kind": "{{kind}}", "algorithm": "{{algorithm}}", "dropout": {{p}} }"""), build: true);

        Assert.Equal("$.learningChannel.dropout", e.JsonPath);
        Assert.Contains("must be in [0, 1)", e.Message);
    }

    [Fact]
    public void ConjoinedLearningChannelDropoutIsAccepted()
    {
        NetworkGraph g = ArchitectureSpec.Parse(WithChannel("""{ "kind": "conjoined", "algorithm": "srbp", "dropout": 0.2 }"""), "spec.json").Build();

        Assert.Equal(0.2, g.Population("h1").LearningDropoutProbability);
        Assert.Equal(0.2, g.Population("h2").LearningDropoutProbability);
    }

    [Fact]
    public void InvalidJsonNamesTheLine()
    {
        ArchitectureSpecException e = Fails("{\n  \"forward\": { \"inputs\": 2,, }\n}");

        Assert.Contains("invalid JSON at line 2", e.Message);
    }

    [Fact]
    public void MissingFileIsNamed()
    {
        string path = Path.Combine(Path.GetTempPath(), "neurolc-no-such-spec.json");
        ArchitectureSpecException e = Assert.Throws<ArchitectureSpecException>(() => ArchitectureSpec.LoadFile(path));

        Assert.StartsWith($"{path}: $: cannot read the file", e.Message);
    }

    [Fact]
    public void FluentAndJsonBuildTheSameNetwork()
    {
        NetworkGraph fromJson = ArchitectureSpec.Parse(Distinct).Build();
        NetworkGraph fluent = new ArchitectureBuilder()
            .Forward(2, [8, 8], 1).Distinct(10, 1).Algorithm(LearningAlgorithm.Rbp)
            .LearningTransfer(LearningChannelTransfer.Forward).Adaptive(Adaptation.Hebbian)
            .Dropout(0.1, 0.2).WithLateralA().LearningInitStd(0.1).Seed(4).Build();

        Assert.Equal(fluent.Populations, fromJson.Populations);
        Assert.Equal(fluent.Projections.Select(p => (p.Name, p.Kind, p.Rule, p.Init.Kind, p.Init.Seed, p.Init.Scale)),
            fromJson.Projections.Select(p => (p.Name, p.Kind, p.Rule, p.Init.Kind, p.Init.Seed, p.Init.Scale)));
    }

    [Theory]
    [InlineData("""{ "kind": "bidirectional", "algorithm": "rbp" }""", "$.learningChannel.algorithm")]
    [InlineData("""{ "kind": "conjoined", "algorithm": "bp", "sharedWeights": true, "connections": "skipped" }""", "$.learningChannel.connections")]
    [InlineData("""{ "kind": "conjoined", "algorithm": "bp", "sharedWeights": true, "adaptation": "hebbian" }""", "$.learningChannel.adaptation")]
    [InlineData("""{ "kind": "conjoined", "algorithm": "srbp", "connections": "chained" }""", "$.learningChannel.connections")]
    [InlineData("""{ "kind": "conjoined", "algorithm": "rbp", "widths": [3, 3] }""", "$.learningChannel.widths")]
    [InlineData("""{ "kind": "twin", "algorithm": "rbp", "widths": [3, 3] }""", "$.learningChannel.widths")]
    [InlineData("""{ "kind": "distinct", "algorithm": "rbp", "widths": [3] }""", "$.learningChannel.widths")]
    [InlineData("""{ "kind": "distinct", "algorithm": "rbp" }""", "$.learningChannel.widths")]
    [InlineData("""{ "kind": "identicalTwin", "algorithm": "rbp", "lateralC": [ { "from": 1, "to": 1 }, { "from": 2, "to": 2 } ] }""", "$.learningChannel.lateralC")]
    [InlineData("""{ "kind": "twin", "algorithm": "rbp", "lateralC": [ { "from": 0, "to": 1 } ] }""", "$.learningChannel.lateralC[0].from")]
    [InlineData("""{ "kind": "twin", "algorithm": "rbp", "initStd": 0 }""", "$.learningChannel.initStd")]
    public void ImpossibleCombinationsNameTheirPath(string channel, string path)
        => Assert.Equal(path, Fails(WithChannel(channel), build: true).JsonPath);
}

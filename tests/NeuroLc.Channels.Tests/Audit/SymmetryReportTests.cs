using System.Text.Json;
using NeuroLc.Channels.Architectures;
using NeuroLc.Channels.Audit;
using NeuroLc.Channels.Specs;

namespace NeuroLc.Channels.Tests.Audit;

public sealed class SymmetryReportTests
{
    [Fact]
    public void JsonHasTheSixKeysEachWithVerdictAndEvidence()
    {
        SymmetryReport r = SymmetryAudit.Run(new ArchitectureBuilder().Forward(2, [4, 4], 1).Conjoined().Algorithm(LearningAlgorithm.Srbp).Build());

        using JsonDocument doc = JsonDocument.Parse(r.ToJson());
        Assert.Equal(["ARC", "WTS", "NEU", "DER", "LIN", "ADA"], doc.RootElement.EnumerateObject().Select(p => p.Name));
        string[] allowed = ["needed", "not-needed", "achieved", "not-achieved"];
        foreach (JsonProperty p in doc.RootElement.EnumerateObject())
        {
            Assert.Equal(["verdict", "evidence"], p.Value.EnumerateObject().Select(x => x.Name));
            Assert.Contains(p.Value.GetProperty("verdict").GetString(), allowed);
            Assert.All(p.Value.GetProperty("evidence").EnumerateArray(), e => Assert.Equal(JsonValueKind.String, e.ValueKind));
        }

        Assert.Equal("not-needed", doc.RootElement.GetProperty("WTS").GetProperty("verdict").GetString());
        Assert.Equal("not-achieved", doc.RootElement.GetProperty("ADA").GetProperty("verdict").GetString());
    }

    [Fact]
    public void TableHasOneRowPerSymmetryWithItsVerdict()
    {
        SymmetryReport r = SymmetryAudit.Run(new ArchitectureBuilder().Forward(2, [4], 1).Conjoined().Algorithm(LearningAlgorithm.Bp).SharedWeights().Build());
        string[] lines = r.ToTable().Split('\n');

        Assert.Contains(lines, l => l.StartsWith("WTS       needed        'out->h1' is declared to hold the transpose of 'h1->out'"));
        Assert.Contains(lines, l => l.StartsWith("LIN       not-achieved  "));
        foreach (Symmetry s in Enum.GetValues<Symmetry>())
        {
            Assert.Single(lines, l => l.StartsWith(s.ToString()));
        }
    }

    [Fact]
    public void AuditReadsTheGraphNotTheSpecName()
    {
        // A spec that calls itself "bidirectional" but builds a Conjoined RBP network is audited as what it is.
        const string Json = """
            { "name": "bidirectional-bp", "description": "mislabelled on purpose",
              "forward": { "inputs": 2, "hidden": [4, 4], "outputs": 1 },
              "learningChannel": { "kind": "conjoined", "algorithm": "rbp" } }
            """;
        SymmetryReport r = SymmetryAudit.Run(ArchitectureSpec.Parse(Json).Build());

        Assert.Equal(SymmetryVerdict.NotNeeded, r[Symmetry.WTS].Verdict);
        Assert.Equal(SymmetryVerdict.NotAchieved, r[Symmetry.ADA].Verdict);
    }

    [Fact]
    public void LcTanhInAConjoinedNetworkAchievesLin()
    {
        // Section 4.1.1 (Figure 7): tanh applied to the summed error signal, as in the forward cells.
        SymmetryReport r = SymmetryAudit.Run(new ArchitectureBuilder().Forward(2, [4, 4], 1).Conjoined()
            .LearningTransfer(LearningChannelTransfer.Forward).Build());

        Assert.Equal(SymmetryVerdict.Achieved, r[Symmetry.LIN].Verdict);
        Assert.Contains(r[Symmetry.LIN].Evidence, e => e == "forward population 'h2' applies Tanh to the learning signal it receives");
    }

    [Fact]
    public void AdaptiveConjoinedSrbpAchievesAdaButStillNeedsArc()
    {
        // Section 3.5, Architecture 5: "Simulations carried in [4] [...] show that if each random weight is adapted
        // [...] then learning converges" — ASRBP adapts every learning-channel synapse.
        SymmetryReport r = SymmetryAudit.Run(new ArchitectureBuilder().Forward(2, [4, 4], 1).Conjoined()
            .Algorithm(LearningAlgorithm.Srbp).Adaptive(Adaptation.Hebbian).Build());

        Assert.Equal(SymmetryVerdict.Achieved, r[Symmetry.ADA].Verdict);
        Assert.Equal(SymmetryVerdict.Needed, r[Symmetry.ARC].Verdict);
        Assert.Contains(r[Symmetry.ADA].Evidence, e => e.StartsWith("learning-channel (feedback, skip, C′, A′) synapses that adapt: out->h1: Hebbian, out->h2: Hebbian"));
    }

    [Fact]
    public void LinearNetworkWithLinearChannelAchievesLin()
    {
        // Figure 10: a linear network, no non-linearity in the learning channel either — the same cells.
        SymmetryReport r = SymmetryAudit.Run(new ArchitectureBuilder()
            .Forward(2, [4, 4], 2, Neurons.TransferFunction.Identity, Neurons.TransferFunction.Softmax).Conjoined().Build());

        Assert.Equal(SymmetryVerdict.Achieved, r[Symmetry.LIN].Verdict);
    }
}

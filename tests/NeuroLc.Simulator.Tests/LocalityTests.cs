using NeuroLc.Channels.Graph;
using NeuroLc.Neurons;
using NeuroLc.Simulator.Demo;
using NeuroLc.Simulator.Locality;
using NeuroLc.Simulator.Training;
using NeuroLc.Synapses;
using NeuroLc.Synapses.Language;

namespace NeuroLc.Simulator.Tests;

public sealed class LocalityTests
{
    private static readonly float[] s_x = [0.5f, -1f];
    private static readonly float[] s_t = [1f, 0f];

    /// <summary>A Twin network: forward 2-3-2 plus a learning-channel population "lc" that mirrors the hidden
    /// layer, fed by output → lc synapses, and feeding the hidden cells laterally.</summary>
    private static NetworkGraph Twin() => new NetworkBuilder()
        .Input("in", 2)
        .Hidden("h", 3, TransferFunction.Tanh)
        .Output("out", 2, TransferFunction.Logistic)
        .LearningChannel("lc", 3, TransferFunction.Identity)
        .Forward("in", "h", WeightInit.Uniform(0.5, 1), PlasticitySpec.ExplicitError)
        .Forward("h", "out", WeightInit.Uniform(0.5, 2), PlasticitySpec.ExplicitError)
        .Skip("out", "lc", WeightInit.Uniform(0.5, 3), PlasticitySpec.Hebbian)
        .LateralC("lc", "h", WeightInit.Constant(1.0))
        .Build();

    /// <summary>BP in a Twin network: learning-channel synapse c_ik wants the forward weight w_ki (weight transport).</summary>
    private sealed class TwinBackpropRule : ICheckedRule
    {
        public float Delta(IStateReader reader)
        {
            int i = reader.PostCell - reader.CellId("lc", 0);
            int k = reader.PreCell - reader.CellId("out", 0);
            float forwardWeight = reader.ReadWeight("h->out", (k * 3) + i);
            return forwardWeight - reader.ReadWeight(reader.Projection, reader.Synapse);
        }
    }

    /// <summary>A rule that reads the output of the neighbouring post cell.</summary>
    private sealed class NeighbourRule : ICheckedRule
    {
        public float Delta(IStateReader reader)
        {
            int first = reader.CellId("h", 0);
            int neighbour = first + ((reader.PostCell - first + 1) % 3);
            return reader.Eta * reader.Read(neighbour, CellVariable.Output) * reader.Read(reader.PreCell, CellVariable.Output);
        }
    }

    /// <summary>A deep synapse that wants the target: local reads only, except T.</summary>
    private sealed class DeepTargetCheckedRule : ICheckedRule
    {
        public float Delta(IStateReader reader)
            => reader.Eta * (reader.Read(reader.PostCell, CellVariable.Target) - reader.Read(reader.PostCell, CellVariable.Output));
    }

    private readonly struct DeepTargetRule : IPlasticityRule
    {
        public float Delta(in LocalView view) => view.Eta * (view.Target - view.PostO) * view.PreOutput;
    }

    [Fact]
    public void A_BackpropInTwinNetworkReadingForwardWeightIsRejected()
    {
        var engine = new CellEngine(Twin());
        engine.UseCheckedRule("out->lc", new TwinBackpropRule());

        LocalityViolationException e = Assert.Throws<LocalityViolationException>(() => engine.Train(s_x, s_t));
        Assert.StartsWith("out->lc[0]", e.Synapse);
        Assert.Equal("w", e.Variable);
        Assert.Contains("h->out[0]", e.Cell);
    }

    [Fact]
    public void B_DeepSynapseReadingTheTargetIsRejected()
    {
        // Typed path: the view itself refuses, and the block names the synapse.
        var post = new PostState(0.1f, 0.2f, 0.9f, 0f, 0f, 0.3f, 0.05f, isOutput: false, target: 1f);
        var block = new SynapseBlock("in->h", "in", "h", 2, 1, [0, 2], [0, 1], [0.1f, 0.2f], delay: 1);
        LocalityViolationException typed = Assert.Throws<LocalityViolationException>(
            () => block.Update(new DeepTargetRule(), [1f, 1f], [post], 0.1f, Phase.Feedback, new float[2]));
        Assert.Equal("T_post", typed.Variable);
        Assert.StartsWith("in->h[0] (in[0] -> h[0])", typed.Synapse);
        Assert.Contains("h[0]", typed.Cell);

        // Text rule: rejected when bound to a projection onto hidden cells, before the engine exists.
        NetworkGraph g = new NetworkBuilder()
            .Input("in", 2).Hidden("h", 3, TransferFunction.Tanh).Output("out", 2, TransferFunction.Logistic)
            .Forward("in", "h", WeightInit.Uniform(0.5, 1), PlasticitySpec.FromText("dw = eta * (T_post - O_post) * O_pre"))
            .Forward("h", "out", WeightInit.Uniform(0.5, 2), PlasticitySpec.FromText("dw = eta * (T_post - O_post) * O_pre"))
            .Build();
        LocalityViolationException bound = Assert.Throws<LocalityViolationException>(() => new CellEngine(g));
        Assert.Contains("in->h", bound.Synapse);
        Assert.Equal("T_post", bound.Variable);
        Assert.Contains("'h'", bound.Cell);

        // Checked path.
        var engine = new CellEngine(Twin());
        engine.UseCheckedRule("in->h", new DeepTargetCheckedRule());
        LocalityViolationException chk = Assert.Throws<LocalityViolationException>(() => engine.Train(s_x, s_t));
        Assert.Equal("Target", chk.Variable);
        Assert.Contains("(h[0])", chk.Cell);
    }

    [Fact]
    public void C_RuleReadingANeighbouringCellsOutputIsRejected()
    {
        var engine = new CellEngine(Twin(), new EngineOptions { Audit = true });
        engine.UseCheckedRule("in->h", new NeighbourRule());

        LocalityViolationException e = Assert.Throws<LocalityViolationException>(() => engine.Train(s_x, s_t));
        Assert.StartsWith("in->h[0] (in[0] -> h[0])", e.Synapse);
        Assert.Equal("Output", e.Variable);
        Assert.Contains("(h[1])", e.Cell);
        Assert.Single(engine.Audit!.Violations);
    }

    [Fact]
    public void D_SrbpTrainingRunInAuditModeHasZeroViolations()
    {
        NetworkGraph g = DemoNetworks.Distinct(2, [6, 6], 1, 3, PlasticitySpec.ExplicitError, seed: 9);
        var engine = new CellEngine(g, new EngineOptions { Audit = true, LearningRate = 0.1f });
        Dataset data = SyntheticTasks.F(1, 50, seed: 1);
        Trainer.RunEpoch(engine, data, 1, 0);

        AuditReport audit = engine.Audit!;
        long plastic = g.Projections.Where(p => p.Rule.Kind != RuleKind.Fixed).Sum(p => (long)engine.Block(p.Name).Count);
        Assert.Equal(plastic * 50, audit.Updates);

        // Δw = η R_post O_pre reads exactly three local values per update, and nothing else.
        Assert.Equal(3 * audit.Updates, audit.Reads);
        Assert.Equal(audit.Updates, audit.ReadsBySymbol[LocalSymbol.PostR]);
        Assert.Equal(0, audit.ReadsBySymbol[LocalSymbol.PostTarget]);
        Assert.Empty(audit.Violations);
    }

    [Theory]
    [InlineData("dw = eta * O_neighbor * O_pre", "O_neighbor", 11)]
    [InlineData("dw = eta * fprime_pre * O_pre", "fprime_pre", 11)]
    [InlineData("dw = eta * w_transpose * R_post", "w_transpose", 11)]
    public void E_TextRuleWithNonLocalSymbolIsRejectedAtParseTime(string text, string symbol, int position)
    {
        LocalityViolationException e = Assert.Throws<LocalityViolationException>(() => TextRule.Compile(text));
        Assert.Equal(symbol, e.Variable);
        Assert.Contains($"position {position}", e.Message);
        Assert.Contains(text, e.Synapse);
    }

    [Fact]
    public void E_UnknownSymbolGivesPositionAndSymbol()
    {
        RuleParseException e = Assert.Throws<RuleParseException>(() => TextRule.Compile("dw = eta * dO_post * O_pree"));
        Assert.Equal(21, e.Position);
        Assert.Equal("O_pree", e.Symbol);
    }
}

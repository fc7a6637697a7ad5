using NeuroLc.Synapses;
using NeuroLc.Synapses.Rules;

namespace NeuroLc.Synapses.Tests.Rules;

public sealed class RuleTests
{
    // Post cell: S = 0.4, O = 0.38, f' = 0.855, O1 = 0.30, O2 = 0.36, lateral E = 0.2, R = 0.171.
    private static readonly PostState s_post = new(0.4f, 0.38f, 0.855f, 0.30f, 0.36f, 0.2f, 0.171f, isOutput: false, target: 0f);
    private static readonly PostState s_output = new(0.1f, 0.6f, 0.24f, 0.6f, 1f, 0f, 0.4f, isOutput: true, target: 1f);

    private static float Delta<TRule>(in PostState post)
        where TRule : struct, IPlasticityRule
        => default(TRule).Delta(new LocalView(0.25f, 0.8f, in post, 0.5f, Phase.Clamped));

    [Fact]
    public void BuiltInRulesFollowTheirEquations()
    {
        Assert.Equal(0f, Delta<FixedRule>(s_post));
        Assert.Equal(0.5 * 0.855 * 0.2 * 0.8, Delta<HebbianRule>(s_post), 1e-6);            // eq. 12
        Assert.Equal(0.5 * (0.36 - 0.30) * 0.8, Delta<StdpRule>(s_post), 1e-6);             // eq. 14
        Assert.Equal(0.5 * 0.8 * (0.36 - 0.30), Delta<LearningChannelRule>(s_post), 1e-6);  // eq. 19, pre = T
        Assert.Equal(0.5 * 0.171 * 0.8, Delta<ExplicitErrorRule>(s_post), 1e-6);            // eq. 8
        Assert.Equal(0.5 * 0.4 * 0.8, Delta<ExplicitErrorRule>(s_output), 1e-6);            // eq. 10 at an output cell
    }

    [Fact]
    public void TargetIsReadableOnlyAtOutputCells()
    {
        PostState output = s_output;
        PostState hidden = s_post;
        Assert.Equal(1f, new LocalView(0f, 0f, in output, 0f, Phase.Clamped).Target);
        LocalityViolationException e = Assert.Throws<LocalityViolationException>(
            () => new LocalView(0f, 0f, in hidden, 0f, Phase.Clamped).Target);
        Assert.Equal("T_post", e.Variable);
    }

    private sealed class Recorder : IReadRecorder
    {
        public List<LocalSymbol> Reads { get; } = [];

        public void Record(LocalSymbol symbol) => Reads.Add(symbol);
    }

    [Fact]
    public void RecorderSeesEveryRead()
    {
        var recorder = new Recorder();
        PostState post = s_post;
        var view = new LocalView(0.25f, 0.8f, in post, 0.5f, Phase.Clamped, recorder);
        default(StdpRule).Delta(view);
        Assert.Equal([LocalSymbol.Eta, LocalSymbol.PostDeltaO, LocalSymbol.PreOutput], recorder.Reads);
    }
}

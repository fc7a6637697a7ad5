using NeuroLc.Synapses;
using NeuroLc.Synapses.Language;
using NeuroLc.Synapses.Rules;

namespace NeuroLc.Synapses.Tests.Language;

public sealed class TextRuleTests
{
    private static readonly PostState s_post = new(0.4f, 0.38f, 0.855f, 0.30f, 0.36f, 0.2f, 0.171f, isOutput: false, target: 0f);

    private static float Eval(TextRule rule)
    {
        PostState post = s_post;
        return rule.Evaluate(new LocalView(0.25f, 0.8f, in post, 0.5f, Phase.Clamped));
    }

    [Theory]
    [InlineData("dw = eta * dO_post * O_pre", 0.5 * 0.06 * 0.8)]
    [InlineData("dw = eta * fprime_post * E_post * O_pre", 0.5 * 0.855 * 0.2 * 0.8)]
    [InlineData("dc = -eta * (O2_post - O1_post) * O_pre", -0.5 * 0.06 * 0.8)]
    [InlineData("eta * R_post * O_pre - 0.01 * w", (0.5 * 0.171 * 0.8) - 0.0025)]
    [InlineData("1e-1 * S_post / 2 + phase", 0.02 + 2)]
    public void ParsesAndEvaluates(string text, double expected)
        => Assert.Equal(expected, Eval(TextRule.Compile(text)), 1e-6);

    [Fact]
    public void CompilesToOneGenericStructTypeAndDeclaresItsReads()
    {
        TextRule rule = TextRule.Compile("dw = eta * dO_post * O_pre");
        Type type = rule.Compiled.GetType();
        Assert.True(type.IsValueType);
        Assert.Equal(typeof(MultiplyRule<,>), type.GetGenericTypeDefinition());
        Assert.Equal(new HashSet<LocalSymbol> { LocalSymbol.Eta, LocalSymbol.PostDeltaO, LocalSymbol.PreOutput }, rule.Symbols);
        Assert.False(rule.ReadsTarget);
        Assert.Equal(Eval(rule), default(StdpRule).Delta(new LocalView(0.25f, 0.8f, in Unsafe(), 0.5f, Phase.Clamped)));
    }

    private static ref readonly PostState Unsafe() => ref s_post;

    [Theory]
    [InlineData("dw = eta * (dO_post * O_pre", 27, "<end>")]
    [InlineData("dw = eta ** O_pre", 10, "*")]
    [InlineData("dw = eta * O_pre )", 17, ")")]
    [InlineData("dw = eta * 1.2.3", 11, "1.2.3")]
    [InlineData("dw = eta * zeta", 11, "zeta")]
    public void ParseErrorsNamePositionAndSymbol(string text, int position, string symbol)
    {
        RuleParseException e = Assert.Throws<RuleParseException>(() => TextRule.Compile(text));
        Assert.Equal(position, e.Position);
        Assert.Equal(symbol, e.Symbol);
        Assert.Contains($"position {position}", e.Message);
    }
}

namespace NeuroLc.Synapses;

/// <summary>
/// Which plasticity rule a projection follows: one of the built-in <see cref="RuleKind"/>s, or a text rule
/// such as <c>dw = eta * dO_post * O_pre</c> (used when <see cref="Kind"/> is <see cref="RuleKind.Text"/>).
/// </summary>
public sealed record PlasticitySpec
{
    private PlasticitySpec(RuleKind kind, string? text)
    {
        Kind = kind;
        Text = text;
    }

    /// <summary>The rule.</summary>
    public RuleKind Kind { get; }

    /// <summary>The rule's source text when <see cref="Kind"/> is <see cref="RuleKind.Text"/>, else null.</summary>
    public string? Text { get; }

    /// <summary>A fixed synapse.</summary>
    public static PlasticitySpec Fixed { get; } = new(RuleKind.Fixed, null);

    /// <summary>The Hebbian rule of eq. 12.</summary>
    public static PlasticitySpec Hebbian { get; } = new(RuleKind.Hebbian, null);

    /// <summary>The phase-difference STDP rule of eq. 14.</summary>
    public static PlasticitySpec Stdp { get; } = new(RuleKind.Stdp, null);

    /// <summary>The phase-difference STDP rule with the pre cell's free-phase (t=1) activity (eq. 32).</summary>
    public static PlasticitySpec StdpFree { get; } = new(RuleKind.StdpFree, null);

    /// <summary>The learning-channel STDP rule of eq. 19.</summary>
    public static PlasticitySpec LearningChannelStdp { get; } = new(RuleKind.LearningChannelStdp, null);

    /// <summary>The learning-channel STDP rule with the free-phase pre signal (eq. 32's Δc = η O ΔO).</summary>
    public static PlasticitySpec LearningChannelStdpFree { get; } = new(RuleKind.LearningChannelStdpFree, null);

    /// <summary>The explicit-error rule of eqs. 8 and 11.</summary>
    public static PlasticitySpec ExplicitError { get; } = new(RuleKind.ExplicitError, null);

    /// <summary>A text rule over local symbols; it is parsed when the engine instantiates the network.</summary>
    public static PlasticitySpec FromText(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        return new PlasticitySpec(RuleKind.Text, text);
    }

    /// <inheritdoc />
    public override string ToString() => Kind == RuleKind.Text ? $"Text({Text})" : Kind.ToString();
}

using System.ComponentModel;

namespace NeuroLc.Host.Configuration;

/// <summary>The network of one run: forward layer sizes, transfer functions and the learning channel (DESIGN.md section 5).</summary>
public sealed record ModelConfig
{
    [Description("Units per layer, input first and output last, e.g. [784, 100, 100, 100, 100, 10].")]
    public int[] LayerSizes { get; init; } = [784, 100, 100, 100, 100, 10];

    [Description("Transfer function of the forward hidden cells.")]
    public ActivationName Hidden { get; init; } = ActivationName.Tanh;

    [Description("Output layer: Softmax (multi-class) or Logistic (one binary unit).")]
    public OutputName Output { get; init; } = OutputName.Softmax;

    [Description("BP, RBP or SRBP.")]
    public AlgorithmName Algorithm { get; init; } = AlgorithmName.BP;

    [Description("Conjoined or Distinct learning channel.")]
    public ArchitectureName Architecture { get; init; } = ArchitectureName.Conjoined;

    [Description("Non-linearity g applied to the summed feedback: Identity (linear channel) or Tanh (lc-tanh).")]
    public ActivationName LearningChannelActivation { get; init; } = ActivationName.Identity;

    [Description("Distinct only: learning-channel width per hidden layer (100, 10 or 1 in Figure 8).")]
    public int[]? LearningChannelWidths { get; init; }

    [Description("Optional lateral A' connections from the forward channel into the learning channel (Figure 5).")]
    public bool LateralA { get; init; }

    [Description("Fixed random learning channel, or adaptive with the Hebbian (eq. 12) or STDP (eqs. 13-19) rule.")]
    public ChannelRuleName LearningChannelRule { get; init; } = ChannelRuleName.Fixed;

    [Description("Stdp only: presynaptic term of the learning-channel rule, the upper cell at the clamped phase (Clamped, eq. 19: dc = eta T dO) or at the free phase (Free, eq. 32: dc = eta O dO).")]
    public StdpChannelPhaseName StdpChannelPhase { get; init; } = StdpChannelPhaseName.Clamped;

    [Description("Stdp only, without forward dropout: presynaptic term of the forward rule dw = eta dO_post O_pre (eq. 14), the activity at t=0 (Forward) or at the free phase t=1 (Free, eq. 32).")]
    public StdpForwardPhaseName StdpForwardPhase { get; init; } = StdpForwardPhaseName.Forward;

    [Description("Dropout probability p of forward hidden cells (inverted scaling 1/(1-p)).")]
    public double DropoutForward { get; init; }

    [Description("Dropout probability p_lc of learning-channel cells.")]
    public double DropoutLearningChannel { get; init; }

    [Description("GlorotNormal or GlorotUniform.")]
    public InitName Init { get; init; } = InitName.GlorotNormal;

    [Description("Standard deviation of the learning-channel initialisation; null uses the forward rule (Figure 14 uses sqrt(1/(fan_in+fan_out))).")]
    public double? LearningChannelInitStd { get; init; }

    /// <summary>Range checks that the JSON types cannot express; each problem names its JSON path below <paramref name="path"/>.</summary>
    public IEnumerable<(string Path, string Reason)> Problems(string path)
    {
        if (LayerSizes.Length < 2)
        {
            yield return ($"{path}.layerSizes", $"needs at least an input and an output layer (got {LayerSizes.Length} sizes)");
        }
        for (int i = 0; i < LayerSizes.Length; i++)
        {
            if (LayerSizes[i] < 1)
            {
                yield return ($"{path}.layerSizes[{i}]", $"a layer needs at least one unit (got {LayerSizes[i]})");
            }
        }
        if (Output == OutputName.Logistic && LayerSizes.Length >= 2 && LayerSizes[^1] != 1)
        {
            yield return ($"{path}.layerSizes", $"a Logistic output has exactly one unit (got {LayerSizes[^1]})");
        }
        if (DropoutForward is < 0 or >= 1)
        {
            yield return ($"{path}.dropoutForward", $"expected 0 <= p < 1 (got {DropoutForward})");
        }
        if (DropoutLearningChannel is < 0 or >= 1)
        {
            yield return ($"{path}.dropoutLearningChannel", $"expected 0 <= p < 1 (got {DropoutLearningChannel})");
        }
        if (LearningChannelWidths is { } widths)
        {
            if (Architecture != ArchitectureName.Distinct)
            {
                yield return ($"{path}.learningChannelWidths", "only a Distinct architecture has learning-channel widths");
            }
            else if (widths.Length != LayerSizes.Length - 2)
            {
                yield return ($"{path}.learningChannelWidths", $"expected one width per hidden layer ({LayerSizes.Length - 2}), got {widths.Length}");
            }
        }
        if (StdpChannelPhase != StdpChannelPhaseName.Clamped && LearningChannelRule != ChannelRuleName.Stdp)
        {
            yield return ($"{path}.stdpChannelPhase", $"applies only to learningChannelRule Stdp (got {LearningChannelRule})");
        }
        if (StdpForwardPhase != StdpForwardPhaseName.Forward && (LearningChannelRule != ChannelRuleName.Stdp || DropoutForward > 0))
        {
            yield return ($"{path}.stdpForwardPhase", $"applies only to learningChannelRule Stdp without forward dropout (got {LearningChannelRule}, dropoutForward {DropoutForward})");
        }
        if (LearningChannelInitStd is <= 0)
        {
            yield return ($"{path}.learningChannelInitStd", $"expected a standard deviation > 0 (got {LearningChannelInitStd})");
        }
    }
}

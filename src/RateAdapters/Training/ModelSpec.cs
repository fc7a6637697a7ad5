namespace NeuroLc.RateAdapters.Training;

/// <summary>
/// The network and its learning channel (DESIGN.md section 5). Defaults are the Figure 7 network:
/// 784-100×4-10, tanh hidden units, softmax output, BP, Conjoined, linear learning channel, Glorot normal.
/// </summary>
public sealed record ModelSpec
{
    /// <summary>Units per layer, input first, output last (at least two entries).</summary>
    public int[] LayerSizes { get; init; } = [784, 100, 100, 100, 100, 10];

    /// <summary>Transfer function f of the hidden layers.</summary>
    public Activation Hidden { get; init; } = Activation.Tanh;

    /// <summary>Output layer and loss.</summary>
    public OutputKind Output { get; init; } = OutputKind.Softmax;

    /// <summary>BP, RBP or SRBP.</summary>
    public Algorithm Algorithm { get; init; } = Algorithm.BP;

    /// <summary>Conjoined or Distinct learning channel.</summary>
    public ChannelArchitecture Architecture { get; init; } = ChannelArchitecture.Conjoined;

    /// <summary>g applied to the summed feedback: Identity (linear channel) or Tanh ("lc-tanh", Figure 7).</summary>
    public Activation LearningChannelActivation { get; init; } = Activation.Identity;

    /// <summary>Distinct only: learning-channel width M_h for each hidden layer h = 1..L−1 (e.g. 100, 10 or 1 in Figure 8).</summary>
    public int[]? LearningChannelWidths { get; init; }

    /// <summary>Distinct only: random lateral A′ from forward cells to learning-channel cells (Figure 5), which lets D adapt.</summary>
    public bool LateralA { get; init; }

    /// <summary>Fixed random learning channel, or adaptive with the Hebbian (eq. 12) or STDP (eqs. 13–19) rule.</summary>
    public LearningChannelRule LearningChannelRule { get; init; } = LearningChannelRule.Fixed;

    /// <summary>STDP only: the presynaptic phase of the learning-channel rule, eq. 19's clamped phase (default) or the free phase of eq. 32.</summary>
    public StdpChannelPhase StdpChannelPhase { get; init; } = StdpChannelPhase.Clamped;

    /// <summary>STDP only: the presynaptic phase of the forward rule (eq. 14), t=0 (default) or the free phase t=1 of eq. 32.</summary>
    public StdpForwardPhase StdpForwardPhase { get; init; } = StdpForwardPhase.Forward;

    /// <summary>Dropout probability of the forward hidden units.</summary>
    public double DropoutForward { get; init; }

    /// <summary>Dropout probability of the learning-channel signals.</summary>
    public double DropoutLearningChannel { get; init; }

    /// <summary>Initialisation of every matrix (forward and learning channel).</summary>
    public InitKind Init { get; init; } = InitKind.GlorotNormal;

    /// <summary>If set, learning-channel matrices are N(0, std²) instead of Glorot (Figure 14 uses √(1/(fan_in + fan_out))).</summary>
    public double? LearningChannelInitStd { get; init; }

    /// <summary>Number of weight layers L.</summary>
    public int WeightLayers => LayerSizes.Length - 1;

    /// <summary>Throws <see cref="ArgumentException"/> naming the field when the specification is inconsistent.</summary>
    public void Validate()
    {
        if (LayerSizes is null || LayerSizes.Length < 2)
        {
            throw new ArgumentException("ModelSpec.LayerSizes needs at least an input and an output layer.", nameof(LayerSizes));
        }

        for (int i = 0; i < LayerSizes.Length; i++)
        {
            if (LayerSizes[i] <= 0)
            {
                throw new ArgumentException($"ModelSpec.LayerSizes[{i}] = {LayerSizes[i]} must be positive.", nameof(LayerSizes));
            }
        }

        if (Output == OutputKind.Softmax && LayerSizes[^1] < 2)
        {
            throw new ArgumentException("ModelSpec.Output = Softmax needs at least two output units; use Logistic for one.", nameof(Output));
        }

        if (LearningChannelActivation is not (Activation.Identity or Activation.Tanh))
        {
            throw new ArgumentException($"ModelSpec.LearningChannelActivation must be Identity or Tanh, not {LearningChannelActivation}.", nameof(LearningChannelActivation));
        }

        CheckProbability(DropoutForward, nameof(DropoutForward));
        CheckProbability(DropoutLearningChannel, nameof(DropoutLearningChannel));
        if (LearningChannelInitStd is { } std && !(std > 0 && double.IsFinite(std)))
        {
            throw new ArgumentException($"ModelSpec.LearningChannelInitStd = {std} must be positive and finite.", nameof(LearningChannelInitStd));
        }

        if (Algorithm == Algorithm.BP && (Architecture != ChannelArchitecture.Conjoined || LearningChannelRule != LearningChannelRule.Fixed))
        {
            throw new ArgumentException("ModelSpec.Algorithm = BP transports the forward weights: it needs Architecture = Conjoined and LearningChannelRule = Fixed.", nameof(Algorithm));
        }

        if (StdpChannelPhase != StdpChannelPhase.Clamped && LearningChannelRule != LearningChannelRule.Stdp)
        {
            throw new ArgumentException($"ModelSpec.StdpChannelPhase = {StdpChannelPhase} applies only to LearningChannelRule = Stdp.", nameof(StdpChannelPhase));
        }

        if (StdpForwardPhase != StdpForwardPhase.Forward && (LearningChannelRule != LearningChannelRule.Stdp || DropoutForward > 0))
        {
            throw new ArgumentException($"ModelSpec.StdpForwardPhase = {StdpForwardPhase} applies only to LearningChannelRule = Stdp without forward dropout.", nameof(StdpForwardPhase));
        }

        if (Architecture == ChannelArchitecture.Distinct)
        {
            ValidateDistinct();
        }
        else if (LearningChannelWidths is not null || LateralA)
        {
            throw new ArgumentException("ModelSpec.LearningChannelWidths and LateralA apply only to Architecture = Distinct.", nameof(LearningChannelWidths));
        }
    }

    private void ValidateDistinct()
    {
        int hidden = LayerSizes.Length - 2;
        if (LearningChannelWidths is null || LearningChannelWidths.Length != hidden)
        {
            throw new ArgumentException($"ModelSpec.LearningChannelWidths needs one width per hidden layer ({hidden}) for a Distinct channel.", nameof(LearningChannelWidths));
        }

        for (int i = 0; i < hidden; i++)
        {
            if (LearningChannelWidths[i] <= 0)
            {
                throw new ArgumentException($"ModelSpec.LearningChannelWidths[{i}] = {LearningChannelWidths[i]} must be positive.", nameof(LearningChannelWidths));
            }
        }

        if (LearningChannelRule == LearningChannelRule.Stdp)
        {
            throw new ArgumentException("ModelSpec.LearningChannelRule = Stdp is implemented for the Conjoined channel only (eqs. 15–19).", nameof(LearningChannelRule));
        }
    }

    private static void CheckProbability(double p, string name)
    {
        if (!(p >= 0 && p < 1))
        {
            throw new ArgumentException($"ModelSpec.{name} = {p} must be in [0, 1).", name);
        }
    }
}

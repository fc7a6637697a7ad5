using NeuroLc.Channels.Graph;
using NeuroLc.Neurons;

namespace NeuroLc.Channels.Architectures;

/// <summary>
/// Fluent construction of the paper's architectures (section 3.5, Architectures 1–10). Populations are named
/// "in", "bias", "h1".."hN", "out" and, for channels with cells of their own, "lc1".."lcN"; projections
/// "pre->post". Nothing is checked until <see cref="Build"/>, which throws <see cref="ArchitectureException"/>
/// naming the option at fault.
/// </summary>
/// <example>
/// Architecture 10: a Distinct, tanh, Hebbian-adaptive learning channel of widths 10/5/3 with mixed chained and
/// skipped connections and lateral C′ and A′ synapses:
/// <code>
/// NetworkGraph g = new ArchitectureBuilder()
///     .Forward(inputs: 2, hidden: [8, 8, 8], outputs: 1)
///     .Distinct(10, 5, 3)
///     .Algorithm(LearningAlgorithm.Srbp).Connections(ChannelConnections.Mixed)
///     .LearningTransfer(LearningChannelTransfer.Forward)
///     .Adaptive(Adaptation.Hebbian)
///     .WithLateralA()
///     .Build();
/// </code>
/// </example>
public sealed class ArchitectureBuilder
{
    /// <summary>Starts from <paramref name="options"/> (default: a Conjoined RBP 2-8-1 tanh/logistic network).</summary>
    public ArchitectureBuilder(ArchitectureOptions? options = null)
    {
        Options = options ?? new ArchitectureOptions();
    }

    /// <summary>The options gathered so far.</summary>
    public ArchitectureOptions Options { get; private set; }

    /// <summary>Sets the forward channel's sizes and transfer functions.</summary>
    public ArchitectureBuilder Forward(int inputs, IReadOnlyList<int> hidden, int outputs,
        TransferFunction transfer = TransferFunction.Tanh, TransferFunction outputTransfer = TransferFunction.Logistic)
        => Forward(Options.Forward with { Inputs = inputs, Hidden = [.. hidden], Outputs = outputs, Transfer = transfer, OutputTransfer = outputTransfer });

    /// <summary>Replaces the forward-channel options.</summary>
    public ArchitectureBuilder Forward(ForwardChannelOptions forward) => Set(Options with { Forward = forward });

    /// <summary>Architecture 1: the forward synapses carry the learning signal back (BP).</summary>
    public ArchitectureBuilder Bidirectional()
        => Channel(lc => lc with { Kind = LearningChannelKind.Bidirectional, Algorithm = LearningAlgorithm.Bp });

    /// <summary>Conjoined: the same cells, separate backward synapses (Architectures 2, 4, 5).</summary>
    public ArchitectureBuilder Conjoined() => Channel(lc => lc with { Kind = LearningChannelKind.Conjoined });

    /// <summary>Twin: learning-channel populations of the forward shape, random lateral C′ (Architecture 8).</summary>
    public ArchitectureBuilder Twin() => Channel(lc => lc with { Kind = LearningChannelKind.Twin, Widths = null });

    /// <summary>Identical Twin: learning-channel cells one-to-one with the forward cells (Architectures 6, 7).</summary>
    public ArchitectureBuilder IdenticalTwin() => Channel(lc => lc with { Kind = LearningChannelKind.IdenticalTwin, Widths = null });

    /// <summary>Distinct: a learning-channel population of the given width per hidden layer, input side first.</summary>
    public ArchitectureBuilder Distinct(params int[] widths)
        => Channel(lc => lc with { Kind = LearningChannelKind.Distinct, Widths = [.. widths] });

    /// <summary>BP, RBP or SRBP.</summary>
    public ArchitectureBuilder Algorithm(LearningAlgorithm algorithm) => Channel(lc => lc with { Algorithm = algorithm });

    /// <summary>Chained, skipped or mixed learning-channel connections.</summary>
    public ArchitectureBuilder Connections(ChannelConnections connections) => Channel(lc => lc with { Connections = connections });

    /// <summary>Linear learning channel, or the forward transfer function.</summary>
    public ArchitectureBuilder LearningTransfer(LearningChannelTransfer transfer) => Channel(lc => lc with { Transfer = transfer });

    /// <summary>Learning-channel synapses adapt by the Hebbian (eq. 12) or STDP (eq. 19) rule.</summary>
    public ArchitectureBuilder Adaptive(Adaptation adaptation) => Channel(lc => lc with { Adaptation = adaptation });

    /// <summary>Dropout probability p of the hidden forward cells and p_lc of the learning-channel cells.</summary>
    public ArchitectureBuilder Dropout(double forward, double learning = 0.0)
        => Set(Options with
        {
            Forward = Options.Forward with { Dropout = forward },
            LearningChannel = Options.LearningChannel with { Dropout = learning },
        });

    /// <summary>Declares the Conjoined backward synapses to be the transposed forward weights (needed by BP).</summary>
    public ArchitectureBuilder SharedWeights() => Channel(lc => lc with { SharedWeights = true });

    /// <summary>Adds lateral A′ synapses from the forward layers onto the learning channel (Figure 5).</summary>
    public ArchitectureBuilder WithLateralA() => Channel(lc => lc with { LateralA = true });

    /// <summary>Adds a C′ connection from learning-channel layer <paramref name="from"/> onto forward hidden layer
    /// <paramref name="to"/> (1-based); once any is given, only the given ones are wired.</summary>
    public ArchitectureBuilder LateralC(int from, int to)
        => Channel(lc => lc with { LateralC = [.. lc.LateralC ?? [], new LateralLink(from, to)] });

    /// <summary>Standard deviation of the random learning-channel weights.</summary>
    public ArchitectureBuilder LearningInitStd(double std) => Channel(lc => lc with { InitStd = std });

    /// <summary>Seed of every weight initialiser.</summary>
    public ArchitectureBuilder Seed(ulong seed) => Set(Options with { Seed = seed });

    /// <summary>Validates the options and builds the graph.</summary>
    public NetworkGraph Build() => ArchitectureFactory.Build(Options);

    private ArchitectureBuilder Channel(Func<LearningChannelOptions, LearningChannelOptions> change)
        => Set(Options with { LearningChannel = change(Options.LearningChannel) });

    private ArchitectureBuilder Set(ArchitectureOptions options)
    {
        Options = options;
        return this;
    }
}

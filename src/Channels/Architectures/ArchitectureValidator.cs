using NeuroLc.Neurons;

namespace NeuroLc.Channels.Architectures;

/// <summary>Checks <see cref="ArchitectureOptions"/> before any population exists, naming the option at fault
/// in the JSON spec's terms.</summary>
internal static class ArchitectureValidator
{
    public static void Validate(ArchitectureOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ValidateForward(options.Forward ?? throw new ArchitectureException("forward", "missing"));
        LearningChannelOptions lc = options.LearningChannel ?? throw new ArchitectureException("learningChannel", "missing");
        ValidateAlgorithm(lc);
        ValidateOwnCells(lc, options.Forward);
        Probability(lc.Dropout, "learningChannel.dropout");
        if (lc.InitStd is double std && !(std > 0.0 && double.IsFinite(std)))
        {
            throw new ArchitectureException("learningChannel.initStd", $"must be > 0 and finite, was {std}");
        }
    }

    /// <summary>The wiring implied by the algorithm unless given explicitly.</summary>
    public static ChannelConnections Connections(LearningChannelOptions lc)
        => lc.Connections ?? (lc.Algorithm == LearningAlgorithm.Srbp ? ChannelConnections.Skipped : ChannelConnections.Chained);

    /// <summary>Whether the learning channel has populations of its own.</summary>
    public static bool HasOwnCells(LearningChannelKind kind)
        => kind is LearningChannelKind.Twin or LearningChannelKind.IdenticalTwin or LearningChannelKind.Distinct;

    private static void ValidateForward(ForwardChannelOptions f)
    {
        AtLeastOne(f.Inputs, "forward.inputs");
        AtLeastOne(f.Outputs, "forward.outputs");
        if (f.Hidden is null || f.Hidden.Count == 0)
        {
            throw new ArchitectureException("forward.hidden", "needs at least one hidden layer (a learning channel serves deep synapses)");
        }

        for (int i = 0; i < f.Hidden.Count; i++)
        {
            AtLeastOne(f.Hidden[i], $"forward.hidden[{i}]");
        }

        if (f.Transfer == TransferFunction.Softmax)
        {
            throw new ArchitectureException("forward.transfer", "softmax is a normalisation of the output population only");
        }

        Probability(f.Dropout, "forward.dropout");
    }

    private static void ValidateAlgorithm(LearningChannelOptions lc)
    {
        ChannelConnections connections = Connections(lc);
        if (lc.Algorithm == LearningAlgorithm.Bp)
        {
            if (HasOwnCells(lc.Kind))
            {
                throw new ArchitectureException("learningChannel.algorithm",
                    $"BP needs the transposed forward weights in the learning channel (the weight-symmetry requirement, WTS); the synapses of a {lc.Kind} learning channel are separate from the forward ones and cannot read them (no synapse may read another synapse's weight). Use RBP or SRBP, or a Bidirectional or Conjoined network with sharedWeights");
            }

            if (lc.Kind == LearningChannelKind.Conjoined && !lc.SharedWeights)
            {
                throw new ArchitectureException("learningChannel.sharedWeights",
                    "BP needs the transposed forward weights (the weight-symmetry requirement, WTS); a Conjoined network provides them only with declared weight sharing (sharedWeights: true)");
            }

            if (connections != ChannelConnections.Chained)
            {
                throw new ArchitectureException("learningChannel.connections", $"BP runs back layer by layer through the transposed weights; '{connections}' needs RBP or SRBP");
            }

            if (lc.Adaptation != Adaptation.Fixed)
            {
                throw new ArchitectureException("learningChannel.adaptation", "BP's learning-channel weights are the forward weights themselves; adaptation applies to the random weights of RBP and SRBP");
            }
        }
        else
        {
            if (lc.Kind == LearningChannelKind.Bidirectional)
            {
                throw new ArchitectureException("learningChannel.algorithm", $"a Bidirectional synapse carries the same weight both ways, which is BP; {lc.Algorithm} needs separate random learning-channel weights");
            }

            if (lc.SharedWeights)
            {
                throw new ArchitectureException("learningChannel.sharedWeights", $"{lc.Algorithm} uses random learning-channel weights; weight sharing is for BP only");
            }

            if ((lc.Connections == ChannelConnections.Chained && lc.Algorithm == LearningAlgorithm.Srbp)
                || (lc.Connections == ChannelConnections.Skipped && lc.Algorithm == LearningAlgorithm.Rbp))
            {
                throw new ArchitectureException("learningChannel.connections", $"'{lc.Connections}' contradicts {lc.Algorithm}; use 'mixed' for both chained and skipped connections");
            }
        }
    }

    private static void ValidateOwnCells(LearningChannelOptions lc, ForwardChannelOptions f)
    {
        if (!HasOwnCells(lc.Kind))
        {
            string? misplaced = lc.Widths is not null ? "widths"
                : lc.LateralC is not null ? "lateralC"
                : lc.LateralA ? "lateralA"
                : null;
            if (misplaced is not null)
            {
                throw new ArchitectureException($"learningChannel.{misplaced}",
                    $"a {lc.Kind} learning channel runs through the forward cells and has no cells of its own; {misplaced} needs kind twin, identicalTwin or distinct");
            }

            return;
        }

        int layers = f.Hidden.Count;
        if (lc.Widths is not null)
        {
            if (lc.Kind != LearningChannelKind.Distinct)
            {
                throw new ArchitectureException("learningChannel.widths", $"a {lc.Kind} learning channel copies the forward hidden sizes; widths are for kind distinct");
            }

            if (lc.Widths.Count != layers)
            {
                throw new ArchitectureException("learningChannel.widths", $"needs one width per forward hidden layer ({layers}), got {lc.Widths.Count}");
            }

            for (int i = 0; i < lc.Widths.Count; i++)
            {
                AtLeastOne(lc.Widths[i], $"learningChannel.widths[{i}]");
            }
        }
        else if (lc.Kind == LearningChannelKind.Distinct)
        {
            throw new ArchitectureException("learningChannel.widths", "a distinct learning channel needs a width per forward hidden layer");
        }

        if (lc.LateralC is not null)
        {
            ValidateLateralC(lc, layers);
        }
    }

    private static void ValidateLateralC(LearningChannelOptions lc, int layers)
    {
        if (lc.Kind == LearningChannelKind.IdenticalTwin)
        {
            throw new ArchitectureException("learningChannel.lateralC", "an identical twin wires each learning-channel cell one-to-one to its own forward cell; lateralC is for twin and distinct");
        }

        var seen = new HashSet<LateralLink>();
        for (int i = 0; i < lc.LateralC!.Count; i++)
        {
            LateralLink link = lc.LateralC[i] ?? throw new ArchitectureException($"learningChannel.lateralC[{i}]", "missing");
            if (link.From < 1 || link.From > layers)
            {
                throw new ArchitectureException($"learningChannel.lateralC[{i}].from", $"must name a learning-channel layer 1..{layers}, was {link.From}");
            }

            if (link.To < 1 || link.To > layers)
            {
                throw new ArchitectureException($"learningChannel.lateralC[{i}].to", $"must name a forward hidden layer 1..{layers} (C′ targets a forward layer), was {link.To}");
            }

            if (!seen.Add(link))
            {
                throw new ArchitectureException($"learningChannel.lateralC[{i}]", $"duplicate C′ from layer {link.From} to layer {link.To}");
            }
        }

        for (int layer = 1; layer <= layers; layer++)
        {
            if (!seen.Any(l => l.To == layer))
            {
                throw new ArchitectureException("learningChannel.lateralC", $"forward hidden layer {layer} receives no C′, so its synapses could never learn");
            }
        }
    }

    private static void AtLeastOne(int value, string path)
    {
        if (value < 1)
        {
            throw new ArchitectureException(path, $"must be >= 1, was {value}");
        }
    }

    private static void Probability(double p, string path)
    {
        if (!(p >= 0.0 && p < 1.0))
        {
            throw new ArchitectureException(path, $"must be in [0, 1), was {p}");
        }
    }
}

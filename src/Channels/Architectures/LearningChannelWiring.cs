using NeuroLc.Channels.Graph;
using NeuroLc.Neurons;
using NeuroLc.Synapses;
using static NeuroLc.Channels.Architectures.ForwardChannelWiring;

namespace NeuroLc.Channels.Architectures;

/// <summary>
/// Adds the learning channel. Conjoined and Bidirectional channels run back through the forward cells
/// themselves; Twin, Identical Twin and Distinct channels get populations "lc1".."lcN" of their own, reached from
/// the output by chained (eq. 9), skipped (eq. 11) or mixed connections and delivering to the forward cells by
/// lateral C′ synapses (random, or one-to-one for the Identical Twin), optionally with lateral A′ back.
/// </summary>
internal static class LearningChannelWiring
{
    public static string LearningLayer(int layer) => $"lc{layer}";

    public static void Add(NetworkBuilder b, ArchitectureOptions o, WeightSeeds seeds)
    {
        LearningChannelOptions lc = o.LearningChannel;
        int layers = o.Forward.Hidden.Count;
        if (lc.Algorithm == LearningAlgorithm.Bp)
        {
            AddTransposed(b, layers, lc.Kind == LearningChannelKind.Bidirectional);
            return;
        }

        PlasticitySpec rule = Rule(lc.Adaptation);
        WeightInit Random() => lc.InitStd is double std ? WeightInit.Normal(std, seeds.Next()) : WeightInit.GlorotNormal(seeds.Next());
        if (!ArchitectureValidator.HasOwnCells(lc.Kind))
        {
            AddBackbone(b, Enumerable.Range(1, layers).Select(Hidden).ToArray(), ArchitectureValidator.Connections(lc), Random, rule);
            return;
        }

        TransferFunction g = lc.Transfer == LearningChannelTransfer.Forward ? o.Forward.Transfer : TransferFunction.Identity;
        IReadOnlyList<int> widths = lc.Widths ?? o.Forward.Hidden;
        for (int k = 1; k <= layers; k++)
        {
            b.LearningChannel(LearningLayer(k), widths[k - 1], g, lc.Dropout);
        }

        AddBackbone(b, Enumerable.Range(1, layers).Select(LearningLayer).ToArray(), ArchitectureValidator.Connections(lc), Random, rule);
        if (lc.Kind == LearningChannelKind.IdenticalTwin)
        {
            for (int k = 1; k <= layers; k++)
            {
                // One-to-one: learning-channel cell i reaches forward cell i only (the NEU correspondence).
                b.LateralC(LearningLayer(k), Hidden(k), WeightInit.FromMatrix(Identity(widths[k - 1])));
            }

            return;
        }

        IReadOnlyList<LateralLink> links = lc.LateralC ?? Enumerable.Range(1, layers).Select(k => new LateralLink(k, k)).ToArray();
        foreach (LateralLink link in links)
        {
            b.LateralC(LearningLayer(link.From), Hidden(link.To), Random(), rule);
            if (lc.LateralA)
            {
                b.LateralA(Hidden(link.To), LearningLayer(link.From), Random(), rule);
            }
        }
    }

    private static PlasticitySpec Rule(Adaptation adaptation) => adaptation switch
    {
        Adaptation.Hebbian => PlasticitySpec.Hebbian,
        Adaptation.Stdp => PlasticitySpec.LearningChannelStdp,
        Adaptation.StdpFree => PlasticitySpec.LearningChannelStdpFree,
        _ => PlasticitySpec.Fixed,
    };

    // BP (eq. 6): every backward synapse mirrors a forward one; the engines copy the weights, the initialiser
    // is never used.
    private static void AddTransposed(NetworkBuilder b, int layers, bool bidirectional)
    {
        for (int k = layers; k >= 1; k--)
        {
            string upper = k == layers ? Output : Hidden(k + 1);
            b.Connect(new ProjectionSpec($"{upper}->{Hidden(k)}", upper, Hidden(k), ProjectionKind.Feedback,
                WeightInit.Constant(0), PlasticitySpec.Fixed, SharedWith: $"{Hidden(k)}->{upper}")
            {
                Bidirectional = bidirectional,
            });
        }
    }

    // targets[0] is the layer nearest the input. Chained: out → top → … → first (eq. 9); skipped: out → every
    // layer (eq. 11); mixed: the chain plus skips to every layer below the top one (Figure 6).
    private static void AddBackbone(NetworkBuilder b, string[] targets, ChannelConnections connections, Func<WeightInit> init, PlasticitySpec rule)
    {
        int top = targets.Length - 1;
        if (connections is ChannelConnections.Chained or ChannelConnections.Mixed)
        {
            b.Feedback(Output, targets[top], init(), rule);
            for (int k = top; k >= 1; k--)
            {
                b.Feedback(targets[k], targets[k - 1], init(), rule);
            }
        }

        for (int k = 0; k <= top; k++)
        {
            if (connections == ChannelConnections.Skipped || (connections == ChannelConnections.Mixed && k < top))
            {
                b.Skip(Output, targets[k], init(), rule);
            }
        }
    }

    private static float[,] Identity(int n)
    {
        var m = new float[n, n];
        for (int i = 0; i < n; i++)
        {
            m[i, i] = 1f;
        }

        return m;
    }
}

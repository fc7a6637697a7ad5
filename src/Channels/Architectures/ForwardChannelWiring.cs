using NeuroLc.Channels.Graph;
using NeuroLc.Neurons;
using NeuroLc.Synapses;

namespace NeuroLc.Channels.Architectures;

/// <summary>Adds the forward channel: input "in", bias "bias", hidden "h1".."hN" and output "out", fully
/// connected layer to layer (eq. 2) with Glorot-uniform weights and zero biases.</summary>
internal static class ForwardChannelWiring
{
    public const string Input = "in";
    public const string BiasCell = "bias";
    public const string Output = "out";

    public static string Hidden(int layer) => $"h{layer}";

    public static void Add(NetworkBuilder b, ArchitectureOptions o, WeightSeeds seeds)
    {
        ForwardChannelOptions f = o.Forward;
        LearningChannelOptions lc = o.LearningChannel;

        // A Conjoined channel has no cells of its own: g and the learning-channel dropout p_lc (section 4.1.2) are
        // applied by each forward cell to the learning signal it receives.
        bool ownCells = ArchitectureValidator.HasOwnCells(lc.Kind);
        TransferFunction g = lc.Transfer == LearningChannelTransfer.Forward && !ownCells
            ? f.Transfer
            : TransferFunction.Identity;
        PlasticitySpec rule = lc.Adaptation switch
        {
            Adaptation.Stdp => PlasticitySpec.Stdp,
            Adaptation.StdpFree => PlasticitySpec.StdpFree,
            _ => PlasticitySpec.ExplicitError,
        };

        b.Input(Input, f.Inputs).Bias(BiasCell);
        for (int k = 1; k <= f.Hidden.Count; k++)
        {
            b.Population(new PopulationSpec(Hidden(k), f.Hidden[k - 1], f.Transfer, Channel.Forward, PopulationRole.Hidden, f.Dropout)
            {
                LearningTransfer = g,
                LearningDropoutProbability = ownCells ? 0.0 : lc.Dropout,
            });
        }

        b.Output(Output, f.Outputs, f.OutputTransfer);
        string pre = Input;
        for (int k = 1; k <= f.Hidden.Count + 1; k++)
        {
            string post = k <= f.Hidden.Count ? Hidden(k) : Output;
            b.Forward(pre, post, WeightInit.GlorotUniform(seeds.Next()), rule);
            b.Forward(BiasCell, post, WeightInit.Constant(0), rule);
            pre = post;
        }
    }
}

using NeuroLc.Channels.Graph;
using NeuroLc.Neurons;
using NeuroLc.Synapses;

namespace NeuroLc.Simulator.Tests;

/// <summary>Small Distinct networks: a forward MLP plus a separate learning-channel population per hidden
/// layer, reached by a fixed random skip projection from the output and wired to the forward cells by fixed
/// random lateral C′ synapses.</summary>
internal static class TestNetworks
{
    public static NetworkGraph Distinct(
        int inputs, int[] hidden, int outputs, int lcWidth, PlasticitySpec forwardRule, ulong seed,
        double feedbackScale = 0.5, TransferFunction hiddenTransfer = TransferFunction.Tanh,
        TransferFunction outputTransfer = TransferFunction.Logistic)
    {
        NetworkBuilder b = new NetworkBuilder().Input("in", inputs).Bias("bias");
        string previous = "in";
        for (int h = 0; h < hidden.Length; h++)
        {
            string name = $"h{h + 1}";
            b.Hidden(name, hidden[h], hiddenTransfer)
                .Forward(previous, name, WeightInit.GlorotUniform(seed + (ulong)(10 * h)), forwardRule)
                .Forward("bias", name, WeightInit.Constant(0), forwardRule);
            previous = name;
        }

        b.Output("out", outputs, outputTransfer)
            .Forward(previous, "out", WeightInit.GlorotUniform(seed + 99), forwardRule)
            .Forward("bias", "out", WeightInit.Constant(0), forwardRule);
        for (int h = 0; h < hidden.Length; h++)
        {
            string lc = $"lc{h + 1}";
            b.LearningChannel(lc, lcWidth, TransferFunction.Identity)
                .Skip("out", lc, WeightInit.Normal(feedbackScale, seed + 1000 + (ulong)h))
                .LateralC(lc, $"h{h + 1}", WeightInit.Normal(feedbackScale / Math.Sqrt(lcWidth), seed + 2000 + (ulong)h));
        }

        return b.Build();
    }
}

using NeuroLc.Channels.Graph;
using NeuroLc.Neurons;
using NeuroLc.Synapses;

namespace NeuroLc.Simulator.Demo;

/// <summary>Small Distinct networks for the demo and the tests (the full architecture builders live in
/// NeuroLc.Channels.Architectures).</summary>
public static class DemoNetworks
{
    /// <summary>
    /// A forward MLP in → h1 → … → out (Glorot-uniform weights, zero biases, all following
    /// <paramref name="forwardRule"/>) plus, for every hidden layer h, a <em>separate</em> population of
    /// <paramref name="lcWidth"/> linear learning-channel cells "lc{h}" reached by a fixed random skip projection
    /// D from the output (std <paramref name="feedbackScale"/>) and wired to the forward cells of layer h by fixed
    /// random lateral C′ synapses (std feedbackScale/√lcWidth) — SRBP through learning-channel cells:
    /// R^h = f'(S^h) ⊙ C′^h D^h (T − O) in explicit-error mode (eq. 11), ΔO^h ≈ the same in the phase mode (eq. 18).
    /// </summary>
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

using NeuroLc.RateAdapters.Training;

namespace NeuroLc.Bench.Rate;

/// <summary>
/// Figure 13/14's HIGGS network for the step benchmarks: its layer sizes (21-300×8-1), a network with momentum 0.9 and
/// batch 100 on a seeded random minibatch (HIGGS itself is not downloadable here), and a run of training steps.
/// </summary>
internal static class HiggsNetworks
{
    /// <summary>21 inputs, eight hidden layers of 300, one logistic output.</summary>
    public static int[] LayerSizes => [21, 300, 300, 300, 300, 300, 300, 300, 300, 1];

    /// <summary>A network of <paramref name="model"/> on <paramref name="threads"/> threads, its input and target buffers filled from seed 1.</summary>
    public static RateNetwork Seeded(ModelSpec model, int threads)
    {
        var network = new RateNetwork(model, 100, 1, threads, 0.9f);
        var random = new Random(1);
        Span<float> input = network.InputBuffer;
        for (int i = 0; i < input.Length; i++)
        {
            input[i] = (float)random.NextDouble();
        }

        Span<float> target = network.TargetBuffer;
        for (int i = 0; i < 100; i++)
        {
            target[i] = random.Next(2);
        }

        return network;
    }

    /// <summary><paramref name="steps"/> training steps on the network's minibatch at learning rate <paramref name="lr"/>.</summary>
    public static void Train(RateNetwork network, int steps, float lr)
    {
        for (int i = 0; i < steps; i++)
        {
            network.TrainStep(100, lr, i, out _);
        }
    }
}

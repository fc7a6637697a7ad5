using NeuroLc.Neurons;

namespace NeuroLc.Simulator.Training;

/// <summary>Presents a dataset to a cell engine, one example at a time, in a seeded order.</summary>
public static class Trainer
{
    /// <summary>
    /// One epoch: every example once, in a permutation drawn from the counter-based stream (seed, epoch), then
    /// any incomplete minibatch is applied.
    /// </summary>
    public static void RunEpoch(CellEngine engine, Dataset data, ulong seed, int epoch)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(data);
        int[] order = Permutation(data.Count, seed, epoch);
        foreach (int t in order)
        {
            engine.Train(data.Inputs[t], data.Targets[t]);
        }

        engine.FlushBatch();
    }

    /// <summary>A Fisher–Yates permutation of 0..n−1 keyed by (seed, epoch).</summary>
    public static int[] Permutation(int n, ulong seed, int epoch)
    {
        int[] order = Enumerable.Range(0, n).ToArray();
        for (int i = n - 1; i > 0; i--)
        {
            int j = (int)(CounterRng.UniformDouble(seed, (ulong)epoch, (ulong)i) * (i + 1));
            (order[i], order[j]) = (order[j], order[i]);
        }

        return order;
    }
}

using System.Diagnostics;
using NeuroLc.RateAdapters.Training;

namespace NeuroLc.Bench.Alternation;

/// <summary>
/// Two networks timed in alternating blocks of training steps in one process, the comparison this shared host allows:
/// its load drifts within a minute, so two configurations measured one after the other (as BenchmarkDotNet runs its
/// cases) differ by more than most changes do, while consecutive blocks see the same moment.
/// </summary>
internal static class AlternatingSteps
{
    /// <summary>The per-block times of each network (µs per step) and the ratio of each pair of blocks.</summary>
    public sealed record Result(double[] First, double[] Second, double[] Ratios)
    {
        /// <summary>Median of the paired ratios (first / second): below 1, the first is faster.</summary>
        public double PairedMedian => Quantile(Ratios, 0.5);

        /// <summary>The value below which a share <paramref name="q"/> of <paramref name="values"/> lies (nearest rank).</summary>
        public static double Quantile(double[] values, double q)
        {
            double[] sorted = [.. values.Order()];
            return sorted[(int)Math.Min(sorted.Length - 1, Math.Floor(q * sorted.Length))];
        }
    }

    /// <summary>
    /// Warms both networks up, checks that they hold the same weights bit for bit (they must differ only in how they
    /// schedule the same arithmetic), then times <paramref name="rounds"/> pairs of blocks of
    /// <paramref name="blockSteps"/> steps each, first network first.
    /// </summary>
    public static Result Run(RateNetwork first, RateNetwork second, float lr, int blockSteps, int rounds)
    {
        for (int i = 0; i < 30; i++)
        {
            first.TrainStep(first.BatchCapacity, lr, i, out _);
            second.TrainStep(second.BatchCapacity, lr, i, out _);
        }

        foreach ((WeightMatrix a, WeightMatrix b) in first.Parameters().Zip(second.Parameters()))
        {
            if (!a.Values.AsSpan().SequenceEqual(b.Values))
            {
                throw new InvalidOperationException($"The two networks' {a.Channel}{a.Layer} differ after the warm-up.");
            }
        }

        var firstTimes = new double[rounds];
        var secondTimes = new double[rounds];
        for (int r = 0; r < rounds; r++)
        {
            firstTimes[r] = TimeBlock(first, lr, blockSteps);
            secondTimes[r] = TimeBlock(second, lr, blockSteps);
        }

        return new Result(firstTimes, secondTimes, [.. firstTimes.Zip(secondTimes, (a, b) => a / b)]);
    }

    private static double TimeBlock(RateNetwork network, float lr, int steps)
    {
        long start = Stopwatch.GetTimestamp();
        for (int i = 0; i < steps; i++)
        {
            network.TrainStep(network.BatchCapacity, lr, i, out _);
        }

        return Stopwatch.GetElapsedTime(start).TotalMicroseconds / steps;
    }
}

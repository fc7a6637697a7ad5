using System.Diagnostics;
using NeuroLc.RateAdapters.Data;
using NeuroLc.RateAdapters.Kernels;
using NeuroLc.RateAdapters.Training;

namespace NeuroLc.RateAdapters.Benchmarks;

/// <summary>
/// The `neurolc bench rate` measurement. fig7: 784-100×4-10 tanh, softmax, batch 100, lr 0.1, on Fashion-MNIST when
/// installed (else MNIST-shaped patterns). fig12: 2-500×5-1 ReLU, logistic output, batch 100, lr 0.01, on f_1 data.
/// A warm-up run of as many updates as the timed one (at most one epoch, like the peers' excluded first epoch: the
/// runtime's tiered JIT replaces early code only after about 100 ms) precedes the timed run; the timing covers
/// minibatch steps only. With several repeats the same network trains on, each repeat timed on its own, and the
/// result is their median: the statistic of the peers' script (`peer_epoch.sh`: one warm-up epoch, then the median
/// of the timed epochs), so that one moment when this shared host takes a core weighs no more on our side than on
/// theirs.
/// </summary>
public static class RateBench
{
    /// <summary>Training steps between two readings of the FMA peak when they are interleaved.</summary>
    private const int PeakSliceSteps = 10;

    /// <summary>Length of one reading of the FMA peak (about a third of a Figure 12 slice on two threads).</summary>
    private static readonly TimeSpan PeakReading = TimeSpan.FromMilliseconds(15);

    /// <summary>Trains <paramref name="network"/> ("fig7" or "fig12") with <paramref name="algorithm"/> on <paramref name="examples"/> examples and times it.</summary>
    /// <param name="network">fig7 or fig12.</param>
    /// <param name="algorithm">BP, RBP or SRBP.</param>
    /// <param name="examples">Examples to time (whole minibatches of 100).</param>
    /// <param name="seed">Seed of the weights and the data.</param>
    /// <param name="threads">Threads of the product engine (1 or 2).</param>
    /// <param name="interleavedPeak">
    /// Also read the FMA peak of the same threads (<see cref="FmaPeak"/>) for 15 ms after every 10 steps, outside the
    /// timed steps: the result then sets the run against the peak of its own moments.
    /// </param>
    /// <param name="repeats">Timed runs of <paramref name="examples"/> each, one after the other on the same network; the result reports their median.</param>
    public static RateBenchResult Run(string network, Algorithm algorithm, int examples, ulong seed, int threads = 2, bool interleavedPeak = false, int repeats = 1)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (examples < 100)
        {
            throw new ArgumentOutOfRangeException(nameof(examples), examples, "At least one minibatch of 100 examples is needed.");
        }

        if (repeats < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(repeats), repeats, "At least one timed run is needed.");
        }

        (ModelSpec model, TrainingSpec training, Dataset data, string source) = network.ToLowerInvariant() switch
        {
            "fig7" => Fig7(algorithm, examples, seed, threads),
            "fig12" => Fig12(algorithm, examples, seed, threads),
            _ => throw new ArgumentException($"Unknown network '{network}': expected fig7 or fig12.", nameof(network)),
        };

        long steps = examples / training.BatchSize;
        using (var warm = new RateTrainer(model, training, data, null))
        {
            for (long i = 0; i < steps && warm.Step(); i++)
            {
            }
        }

        using var trainer = new RateTrainer(model, training, data, null);
        using var peakThreads = interleavedPeak ? new WorkerPair(threads) : null;
        long peakIterations = interleavedPeak ? FmaPeak.IterationsFor(PeakReading) : 0;
        var peaks = new List<double>();
        var runs = new double[repeats];
        for (int r = 0; r < repeats; r++)
        {
            runs[r] = TimeSteps(trainer, steps, peakThreads, peakIterations, peaks);
        }

        long done = steps * training.BatchSize;
        double seconds = Median(runs);
        double? gflops = network.Equals("fig12", StringComparison.OrdinalIgnoreCase)
            ? FlopsPerExample(model) * done / seconds / 1e9
            : null;
        double? peak = peaks.Count > 0 ? peaks.Average() : null;
        return new RateBenchResult(network.ToLowerInvariant(), algorithm.ToString().ToLowerInvariant(), threads, source, done, seconds,
            trainer.SynapseCount * done / seconds, gflops, seconds / done * 60000, peak, gflops / peak, peaks.Count > 0 ? peaks : null, runs);
    }

    /// <summary>Seconds of <paramref name="steps"/> minibatch steps; epoch ends (metrics, reshuffle) and peak readings are not timed.</summary>
    private static double TimeSteps(RateTrainer trainer, long steps, WorkerPair? peakThreads, long peakIterations, List<double> peaks)
    {
        var watch = Stopwatch.StartNew();
        for (long s = 0; s < steps; s++)
        {
            if (!trainer.Step())
            {
                watch.Stop();
                trainer.EndEpoch();
                watch.Start();
                trainer.Step();
            }

            if (peakThreads is not null && (s % PeakSliceSteps == PeakSliceSteps - 1 || s == steps - 1))
            {
                watch.Stop();
                peaks.Add(FmaPeak.Measure(peakThreads, peakIterations));
                watch.Start();
            }
        }

        watch.Stop();
        return watch.Elapsed.TotalSeconds;
    }

    private static double Median(double[] values)
    {
        double[] sorted = [.. values.Order()];
        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>
    /// Matrix flops per example: forward 2ΣW, weight gradients 2ΣW, plus the learning channel: BP/RBP 2Σ_{h≥2} n_{h−1}n_h,
    /// SRBP 2Σ_{h&lt;L} n_L n_h.
    /// </summary>
    public static double FlopsPerExample(ModelSpec model)
    {
        int[] n = model.LayerSizes;
        int L = n.Length - 1;
        double weights = 0;
        for (int h = 1; h <= L; h++)
        {
            weights += (double)n[h - 1] * n[h];
        }

        double channel = 0;
        for (int h = 1; h < L; h++)
        {
            channel += model.Algorithm == Algorithm.SRBP ? (double)n[L] * n[h] : (double)n[h] * n[h + 1];
        }

        return (4 * weights) + (2 * channel);
    }

    /// <summary>The Figure 7 network: 784-100×4-10, tanh hidden units, softmax output.</summary>
    public static ModelSpec Figure7Model(Algorithm algorithm) =>
        new() { LayerSizes = [784, 100, 100, 100, 100, 10], Hidden = Activation.Tanh, Algorithm = algorithm };

    /// <summary>The Figure 12 network: 2-500×5-1, ReLU hidden units, logistic output.</summary>
    public static ModelSpec Figure12Model(Algorithm algorithm) => new()
    {
        LayerSizes = [2, 500, 500, 500, 500, 500, 1],
        Hidden = Activation.Relu,
        Output = OutputKind.Logistic,
        Algorithm = algorithm,
    };

    private static (ModelSpec, TrainingSpec, Dataset, string) Fig7(Algorithm algorithm, int examples, ulong seed, int threads)
    {
        ModelSpec model = Figure7Model(algorithm);
        var training = new TrainingSpec { BatchSize = 100, LearningRate = 0.1f, Seed = seed, Threads = threads };
        int count = Math.Min(examples, 60000);
        Dataset data;
        string source;
        if (Directory.Exists(MnistFormat.FashionMnistFolder))
        {
            data = MnistFormat.LoadPair(MnistFormat.FashionMnistFolder, "train", count);
            source = "fashion-mnist";
        }
        else
        {
            data = MnistLikePatterns.Generate(count, seed);
            source = "mnist-like patterns";
        }

        return (model, training, data, source);
    }

    private static (ModelSpec, TrainingSpec, Dataset, string) Fig12(Algorithm algorithm, int examples, ulong seed, int threads)
    {
        ModelSpec model = Figure12Model(algorithm);
        var training = new TrainingSpec { BatchSize = 100, LearningRate = 0.01f, Decay = 1e-5f, Seed = seed, Threads = threads };
        return (model, training, SyntheticFk.Generate(1, Math.Min(examples, 100_000), seed), "f1");
    }
}

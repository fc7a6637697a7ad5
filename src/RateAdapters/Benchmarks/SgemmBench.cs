using System.Diagnostics;
using NeuroLc.RateAdapters.Kernels;

namespace NeuroLc.RateAdapters.Benchmarks;

/// <summary>
/// The `neurolc bench sgemm` measurement: <see cref="Sgemm"/> at the shapes of <see cref="SgemmShape.All"/>, timed
/// the way bench/sgemm_peer.py times OpenBLAS (numpy.matmul): max(5, calls/10) warm-up calls (and at least 0.3 s), then three trials of
/// <see cref="SgemmShape.Calls"/> calls, and the median of the trials' mean times. Operands are row-major with the
/// peer's leading dimensions, packed per call as a library call must (the training step's prepacked panel paths are
/// timed by the BenchmarkDotNet suite PanelSgemmBenchmarks instead). With an <see cref="OpenBlasPeer"/>, the same calls
/// are cut into 15 shorter trials per side (5 on two threads), taken in turn on the same operands (ours, peer, peer,
/// ours, …), and each side's figure is the median of its trials.
/// </summary>
public static unsafe class SgemmBench
{
    private const int Trials = 3;

    /// <summary>Trials per side taken in turn with the peer on one thread (the calls of three trials, cut finer).</summary>
    private const int InTurnTrials = 15;

    /// <summary>
    /// Trials per side in turn on two threads: fewer, because each is followed by <see cref="SettleAfterTrial"/>.
    /// </summary>
    private const int InTurnTrialsTwoThreads = 5;

    /// <summary>Least time each side spends warming up on a shape.</summary>
    private static readonly TimeSpan WarmUpTime = TimeSpan.FromMilliseconds(300);

    /// <summary>
    /// Pause after every trial when two threads are timed: OpenBLAS's threads spin for a while after a call before
    /// they sleep, and would take a core from the trial that follows.
    /// </summary>
    private static readonly TimeSpan SettleAfterTrial = TimeSpan.FromMilliseconds(200);

    /// <summary>The shapes of <paramref name="network"/> ("fig7", "fig12", "large" or "all").</summary>
    public static IReadOnlyList<SgemmShape> ShapesOf(string network)
    {
        ArgumentNullException.ThrowIfNull(network);
        string key = network.ToLowerInvariant();
        if (key is not ("fig7" or "fig12" or "large" or "all"))
        {
            throw new ArgumentException($"Unknown shape set '{network}': expected fig7, fig12, large or all.", nameof(network));
        }

        return [.. SgemmShape.All.Where(s => key == "all" || s.Network == key)];
    }

    /// <summary>Times every shape, in order, on one engine (and the peer, in turn, when given).</summary>
    /// <param name="shapes">The shapes to time (see <see cref="ShapesOf"/>).</param>
    /// <param name="threads">Threads of the engine, 1 or 2.</param>
    /// <param name="callScale">Fraction of each shape's calls per trial (a quick check uses less than 1).</param>
    /// <param name="peer">OpenBLAS loaded with the same thread count, or null.</param>
    /// <exception cref="InvalidOperationException">The peer's product differs from ours (the comparison would be void).</exception>
    public static IReadOnlyList<SgemmBenchResult> Run(IEnumerable<SgemmShape> shapes, int threads, double callScale = 1.0, OpenBlasPeer? peer = null)
    {
        ArgumentNullException.ThrowIfNull(shapes);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(threads, 2);
        if (!(callScale > 0 && callScale <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(callScale), callScale, "The call scale must lie in (0, 1].");
        }

        using var gemm = new Sgemm(threads);
        var results = new List<SgemmBenchResult>();
        foreach (SgemmShape shape in shapes)
        {
            results.Add(Time(gemm, peer, shape, Math.Max(1, (int)(shape.Calls * callScale))));
        }

        return results;
    }

    private static SgemmBenchResult Time(Sgemm gemm, OpenBlasPeer? peer, SgemmShape shape, int calls)
    {
        // Stored extents: A is m×k (k×m when transposed), B is k×n (n×k when transposed).
        float[] a = Filled(shape.M * shape.K, 1);
        float[] b = Filled(shape.K * shape.N, 2);
        float[] c = new float[shape.M * shape.N];
        float[] peerC = GC.AllocateArray<float>(shape.M * shape.N, pinned: true);
        int lda = shape.TransposeA ? shape.M : shape.K;
        int ldb = shape.TransposeB ? shape.K : shape.N;
        fixed (float* pa = a, pb = b, peerPc = peerC)
        {
            float* aPtr = pa, bPtr = pb, peerCPtr = peerPc;
            void Ours() => gemm.Multiply(shape.TransposeA, shape.TransposeB, shape.M, shape.N, shape.K, 1f, a, lda, b, ldb, 0f, c, shape.N);
            void Peer() => peer!.Multiply(shape.TransposeA, shape.TransposeB, shape.M, shape.N, shape.K, 1f, aPtr, lda, bPtr, ldb, 0f, peerCPtr, shape.N);

            Warm(Ours, calls);
            if (peer is not null)
            {
                Warm(Peer, calls);
                CheckAgreement(shape, c, peerC);
            }

            // Alone: three trials of all the calls, as the peer script. With the peer: the same calls in shorter
            // trials taken in turn (ours, peer, peer, ours, …), so that each side meets the same moments of the host.
            int trials = peer is null ? Trials : gemm.Threads == 1 ? InTurnTrials : InTurnTrialsTwoThreads;
            int callsPerTrial = Math.Max(1, calls * Trials / trials);
            bool settle = peer is not null && gemm.Threads > 1;
            var ours = new double[trials];
            var peers = new double[trials];
            for (int t = 0; t < trials; t++)
            {
                bool peerFirst = peer is not null && t % 2 == 1;
                if (peerFirst)
                {
                    peers[t] = Trial(Peer, callsPerTrial, settle);
                }

                ours[t] = Trial(Ours, callsPerTrial, settle);
                if (peer is not null && !peerFirst)
                {
                    peers[t] = Trial(Peer, callsPerTrial, settle);
                }
            }

            double median = Median(ours);
            if (peer is null)
            {
                return new SgemmBenchResult(shape.Name, shape.Network, shape.Operation, shape.M, shape.N, shape.K, gemm.Threads,
                    median * 1e6, shape.Flops / median / 1e9, Rates(shape, ours));
            }

            double peerMedian = Median(peers);
            return new SgemmBenchResult(shape.Name, shape.Network, shape.Operation, shape.M, shape.N, shape.K, gemm.Threads,
                median * 1e6, shape.Flops / median / 1e9, Rates(shape, ours),
                peerMedian * 1e6, shape.Flops / peerMedian / 1e9, Rates(shape, peers));
        }
    }

    /// <summary>
    /// The peer's max(5, calls/10) warm-up calls, continued for at least <see cref="WarmUpTime"/>: .NET compiles a
    /// method once more, optimised, only after it has run for about 100 ms, and the first shape would otherwise be
    /// timed partly on the first, unoptimised code.
    /// </summary>
    private static void Warm(Action call, int calls)
    {
        long start = Stopwatch.GetTimestamp();
        for (int i = 0; i < Math.Max(5, calls / 10) || Stopwatch.GetElapsedTime(start) < WarmUpTime; i++)
        {
            call();
        }
    }

    /// <summary>Mean seconds per call over <paramref name="calls"/> calls.</summary>
    private static double Trial(Action call, int calls, bool settle)
    {
        long start = Stopwatch.GetTimestamp();
        for (int i = 0; i < calls; i++)
        {
            call();
        }

        double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds / calls;
        if (settle)
        {
            Thread.Sleep(SettleAfterTrial);
        }

        return seconds;
    }

    /// <summary>
    /// Both products must agree to float rounding (sums of k products of values in [−1, 1]): a wrong transpose or
    /// leading dimension would otherwise time two different problems.
    /// </summary>
    private static void CheckAgreement(SgemmShape shape, float[] ours, float[] peer)
    {
        double tolerance = 1e-4 * Math.Sqrt(shape.K) * 4;
        for (int i = 0; i < ours.Length; i++)
        {
            if (!(Math.Abs(ours[i] - peer[i]) <= tolerance))
            {
                throw new InvalidOperationException(
                    $"{shape.Name}: the peer's C[{i / shape.N}, {i % shape.N}] = {peer[i]} differs from ours {ours[i]}; not comparable.");
            }
        }
    }

    private static double Median(double[] values) => values.Order().ElementAt(values.Length / 2);

    private static double[] Rates(SgemmShape shape, double[] seconds) => [.. seconds.Select(s => shape.Flops / s / 1e9)];

    /// <summary>Uniform values in [−1, 1) from a fixed seed (the values do not change the time; NaN-free).</summary>
    private static float[] Filled(int count, int seed)
    {
        var random = new Random(seed);
        float[] values = GC.AllocateArray<float>(count, pinned: true);
        for (int i = 0; i < count; i++)
        {
            values[i] = (float)((random.NextDouble() * 2) - 1);
        }

        return values;
    }
}

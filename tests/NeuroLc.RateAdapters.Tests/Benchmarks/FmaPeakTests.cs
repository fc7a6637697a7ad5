using NeuroLc.RateAdapters.Benchmarks;
using NeuroLc.RateAdapters.Kernels;
using NeuroLc.RateAdapters.Training;
using Xunit;

namespace NeuroLc.RateAdapters.Tests.Benchmarks;

/// <summary>The in-process FMA peak and the benchmark run that reads it between slices of training.</summary>
public sealed class FmaPeakTests
{
    [Fact]
    public void The_peak_is_above_what_a_matrix_product_reaches_on_the_same_thread()
    {
        using var one = new WorkerPair(1);
        if (!FmaPeak.IsSupported)
        {
            Assert.Throws<PlatformNotSupportedException>(() => FmaPeak.Measure(one, 1000));
            return;
        }

        // A product of 2·m·n·k flops cannot run faster than the FMA units: a reading that counted one lane per
        // vector, or whose chains the compiler had folded away, would fall below the product's rate. (A factor of two
        // is within this host's noise; the count per iteration is checked by hand below.)
        SgemmBenchResult sgemm = SgemmBench.Run([SgemmBench.ShapesOf("fig12")[0]], threads: 1, callScale: 0.1).Single();
        long iterations = FmaPeak.IterationsFor(TimeSpan.FromMilliseconds(20));
        double best = Enumerable.Range(0, 5).Max(_ => FmaPeak.Measure(one, iterations));

        Assert.True(best > sgemm.Gflops, $"FMA peak {best:F1} GFLOP/s is below the 100x500x500 product's {sgemm.Gflops:F1}");
        Assert.Equal(Avx512FWidth() * 16 * 2, FmaPeak.FlopsPerIteration);
    }

    [Fact]
    public void A_run_with_interleaved_readings_sets_its_rate_against_their_mean()
    {
        if (!FmaPeak.IsSupported)
        {
            return; // The reading itself is tested to refuse such a machine above.
        }

        RateBenchResult r = RateBench.Run("fig12", Algorithm.BP, 2500, seed: 1, threads: 1, interleavedPeak: true);

        // 25 steps: a reading after steps 10, 20 and the last.
        Assert.Equal(3, r.PeakReadings!.Count);
        Assert.Equal(r.PeakReadings.Average(), r.PeakGflops!.Value, 9);
        Assert.Equal(r.Gflops!.Value / r.PeakGflops.Value, r.ShareOfPeak!.Value, 9);
        Assert.InRange(r.ShareOfPeak.Value, 0.01, 1.0);

        RateBenchResult plain = RateBench.Run("fig7", Algorithm.SRBP, 200, seed: 1, threads: 1);
        Assert.Null(plain.PeakGflops);
        Assert.Null(plain.ShareOfPeak);
    }

    private static int Avx512FWidth() => System.Runtime.Intrinsics.X86.Avx512F.IsSupported ? 16 : 8;
}

using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using NeuroLc.RateAdapters.Kernels;

namespace NeuroLc.RateAdapters.Benchmarks;

/// <summary>
/// The FP32 FMA peak of the cores this process runs on, measured as ../shared/peers/limits.c measures it: sixteen
/// independent chains of a·m + c per thread (more than the 4-cycle latency × 2 ports needs), registers only, on the
/// widest vectors the machine has (512-bit, else 256-bit). <see cref="RateBench"/> takes short readings between slices
/// of a timed training run, so the run is set against the peak of the same moments on a host whose speed moves.
/// </summary>
public static class FmaPeak
{
    private const int Chains = 16;

    /// <summary>Whether the machine has vector FMA (512- or 256-bit); without it there is no peak to measure.</summary>
    public static bool IsSupported => Avx512F.IsSupported || Fma.IsSupported;

    /// <summary>Floating-point operations of one iteration on one thread: chains × lanes × 2.</summary>
    public static int FlopsPerIteration => Chains * (Avx512F.IsSupported ? Vector512<float>.Count : Vector256<float>.Count) * 2;

    /// <summary>
    /// One reading: every thread runs <paramref name="iterations"/> iterations; the result is the sum over threads of
    /// each thread's own rate, in GFLOP/s (a thread's start-up or hand-over is not counted against the peak).
    /// </summary>
    /// <param name="workers">The pair of threads to use (one thread when it has one).</param>
    /// <param name="iterations">Iterations per thread.</param>
    internal static double Measure(WorkerPair workers, long iterations)
    {
        if (!IsSupported)
        {
            throw new PlatformNotSupportedException("The FMA peak needs 512-bit or 256-bit FMA instructions.");
        }

        double[] rates = new double[2];
        float[] sinks = new float[2];
        void Part(int part)
        {
            long start = Stopwatch.GetTimestamp();
            sinks[part] = Avx512F.IsSupported ? Chains512(iterations) : Chains256(iterations);
            rates[part] = (double)FlopsPerIteration * iterations / Stopwatch.GetElapsedTime(start).TotalSeconds / 1e9;
        }

        if (workers.Threads == 2)
        {
            workers.Run(Part);
        }
        else
        {
            Part(0);
        }

        GC.KeepAlive(sinks);
        return rates[0] + rates[1];
    }

    /// <summary>Iterations per thread that take about <paramref name="duration"/> at this moment's speed.</summary>
    internal static long IterationsFor(TimeSpan duration)
    {
        const long probe = 200_000;
        long start = Stopwatch.GetTimestamp();
        _ = Avx512F.IsSupported ? Chains512(probe) : Chains256(probe);
        double seconds = Math.Max(1e-6, Stopwatch.GetElapsedTime(start).TotalSeconds);
        return Math.Max(probe, (long)(probe * duration.TotalSeconds / seconds));
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static float Chains512(long iterations)
    {
        Vector512<float> m = Vector512.Create(0.999999f), c = Vector512.Create(1e-7f);
        Vector512<float> a0 = Vector512.Create(0.001f), a1 = Vector512.Create(0.002f), a2 = Vector512.Create(0.003f), a3 = Vector512.Create(0.004f);
        Vector512<float> a4 = Vector512.Create(0.005f), a5 = Vector512.Create(0.006f), a6 = Vector512.Create(0.007f), a7 = Vector512.Create(0.008f);
        Vector512<float> a8 = Vector512.Create(0.009f), a9 = Vector512.Create(0.010f), a10 = Vector512.Create(0.011f), a11 = Vector512.Create(0.012f);
        Vector512<float> a12 = Vector512.Create(0.013f), a13 = Vector512.Create(0.014f), a14 = Vector512.Create(0.015f), a15 = Vector512.Create(0.016f);
        for (long i = 0; i < iterations; i++)
        {
            a0 = Avx512F.FusedMultiplyAdd(a0, m, c);
            a1 = Avx512F.FusedMultiplyAdd(a1, m, c);
            a2 = Avx512F.FusedMultiplyAdd(a2, m, c);
            a3 = Avx512F.FusedMultiplyAdd(a3, m, c);
            a4 = Avx512F.FusedMultiplyAdd(a4, m, c);
            a5 = Avx512F.FusedMultiplyAdd(a5, m, c);
            a6 = Avx512F.FusedMultiplyAdd(a6, m, c);
            a7 = Avx512F.FusedMultiplyAdd(a7, m, c);
            a8 = Avx512F.FusedMultiplyAdd(a8, m, c);
            a9 = Avx512F.FusedMultiplyAdd(a9, m, c);
            a10 = Avx512F.FusedMultiplyAdd(a10, m, c);
            a11 = Avx512F.FusedMultiplyAdd(a11, m, c);
            a12 = Avx512F.FusedMultiplyAdd(a12, m, c);
            a13 = Avx512F.FusedMultiplyAdd(a13, m, c);
            a14 = Avx512F.FusedMultiplyAdd(a14, m, c);
            a15 = Avx512F.FusedMultiplyAdd(a15, m, c);
        }

        return Vector512.Sum(a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + a11 + a12 + a13 + a14 + a15);
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static float Chains256(long iterations)
    {
        Vector256<float> m = Vector256.Create(0.999999f), c = Vector256.Create(1e-7f);
        Vector256<float> a0 = Vector256.Create(0.001f), a1 = Vector256.Create(0.002f), a2 = Vector256.Create(0.003f), a3 = Vector256.Create(0.004f);
        Vector256<float> a4 = Vector256.Create(0.005f), a5 = Vector256.Create(0.006f), a6 = Vector256.Create(0.007f), a7 = Vector256.Create(0.008f);
        Vector256<float> a8 = Vector256.Create(0.009f), a9 = Vector256.Create(0.010f), a10 = Vector256.Create(0.011f), a11 = Vector256.Create(0.012f);
        Vector256<float> a12 = Vector256.Create(0.013f), a13 = Vector256.Create(0.014f), a14 = Vector256.Create(0.015f), a15 = Vector256.Create(0.016f);
        for (long i = 0; i < iterations; i++)
        {
            a0 = Fma.MultiplyAdd(a0, m, c);
            a1 = Fma.MultiplyAdd(a1, m, c);
            a2 = Fma.MultiplyAdd(a2, m, c);
            a3 = Fma.MultiplyAdd(a3, m, c);
            a4 = Fma.MultiplyAdd(a4, m, c);
            a5 = Fma.MultiplyAdd(a5, m, c);
            a6 = Fma.MultiplyAdd(a6, m, c);
            a7 = Fma.MultiplyAdd(a7, m, c);
            a8 = Fma.MultiplyAdd(a8, m, c);
            a9 = Fma.MultiplyAdd(a9, m, c);
            a10 = Fma.MultiplyAdd(a10, m, c);
            a11 = Fma.MultiplyAdd(a11, m, c);
            a12 = Fma.MultiplyAdd(a12, m, c);
            a13 = Fma.MultiplyAdd(a13, m, c);
            a14 = Fma.MultiplyAdd(a14, m, c);
            a15 = Fma.MultiplyAdd(a15, m, c);
        }

        return Vector256.Sum(a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + a11 + a12 + a13 + a14 + a15);
    }
}

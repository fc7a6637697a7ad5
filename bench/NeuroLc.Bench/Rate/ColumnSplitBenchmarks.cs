using BenchmarkDotNet.Attributes;
using NeuroLc.RateAdapters.Kernels;

namespace NeuroLc.Bench.Rate;

/// <summary>
/// A two-thread product with B still to pack (Figure 12's forward shape, m×500×500), split by rows (the baseline:
/// each thread packs half of B, waits for the other half, then streams all of it) against split by columns (each
/// thread packs and streams only its own half). The Ratio column is columns over rows; the bits are the same.
/// </summary>
[Config(typeof(ShortRateJob))]
public class ColumnSplitBenchmarks
{
    private Sgemm _gemm = null!;
    private float[] _a = [];
    private float[] _b = [];
    private float[] _c = [];

    /// <summary>Rows of A and C (the minibatch).</summary>
    [Params(20, 50, 100)]
    public int Rows { get; set; }

    /// <summary>Seeded operands and a two-thread engine.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(1);
        _a = Enumerable.Range(0, Rows * 500).Select(_ => (float)rng.NextDouble() - 0.5f).ToArray();
        _b = Enumerable.Range(0, 500 * 500).Select(_ => (float)rng.NextDouble() - 0.5f).ToArray();
        _c = new float[Rows * 500];
        _gemm = new Sgemm(2);
    }

    /// <summary>Split by rows.</summary>
    [Benchmark(Baseline = true)]
    public void ByRows()
    {
        _gemm.ColumnSplits = false;
        _gemm.Multiply(false, false, Rows, 500, 500, 1f, _a, 500, _b, 500, 0f, _c, 500);
    }

    /// <summary>Split by columns.</summary>
    [Benchmark]
    public void ByColumns()
    {
        _gemm.ColumnSplits = true;
        _gemm.Multiply(false, false, Rows, 500, 500, 1f, _a, 500, _b, 500, 0f, _c, 500);
    }

    /// <summary>Stops the worker thread.</summary>
    [GlobalCleanup]
    public void Cleanup() => _gemm.Dispose();
}

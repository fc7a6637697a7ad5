using BenchmarkDotNet.Attributes;
using NeuroLc.RateAdapters.Kernels;

namespace NeuroLc.Bench.Rate;

/// <summary>
/// SGEMM at the paper's shapes (m×n×k): Figure 7's forward 100×100×784 (batch × units × inputs), its weight gradient
/// 784×100×100 (Aᵀ·B), a backward δ·Wᵀ 100×100×100 (A·Bᵀ), Figure 12's 100×500×500, and an odd 7×13×5 tail case.
/// </summary>
[Config(typeof(ShortRateJob))]
public class SgemmBenchmarks
{
    private Sgemm _gemm = null!;
    private float[] _a = [];
    private float[] _b = [];
    private float[] _c = [];
    private int _m;
    private int _n;
    private int _k;
    private bool _ta;
    private bool _tb;

    /// <summary>"m x n x k op" case.</summary>
    [Params("100x100x784 NN", "784x100x100 TN", "100x100x100 NT", "100x500x500 NN", "7x13x5 NN")]
    public string Shape { get; set; } = "";

    /// <summary>Threads (1 or 2).</summary>
    [Params(1, 2)]
    public int Threads { get; set; }

    /// <summary>Seeded operands.</summary>
    [GlobalSetup]
    public void Setup()
    {
        string[] parts = Shape.Split(' ');
        int[] dims = parts[0].Split('x').Select(int.Parse).ToArray();
        (_m, _n, _k) = (dims[0], dims[1], dims[2]);
        _ta = parts[1][0] == 'T';
        _tb = parts[1][1] == 'T';
        var rng = new Random(1);
        _a = Enumerable.Range(0, _m * _k).Select(_ => (float)rng.NextDouble()).ToArray();
        _b = Enumerable.Range(0, _k * _n).Select(_ => (float)rng.NextDouble()).ToArray();
        _c = new float[_m * _n];
        _gemm = new Sgemm(Threads);
    }

    /// <summary>One product.</summary>
    [Benchmark]
    public void Multiply() => _gemm.Multiply(_ta, _tb, _m, _n, _k, 1f, _a, _ta ? _m : _k, _b, _tb ? _k : _n, 0f, _c, _n);

    /// <summary>Stops the worker thread.</summary>
    [GlobalCleanup]
    public void Cleanup() => _gemm.Dispose();
}

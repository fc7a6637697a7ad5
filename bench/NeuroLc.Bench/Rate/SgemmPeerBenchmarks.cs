using BenchmarkDotNet.Attributes;
using NeuroLc.RateAdapters.Benchmarks;
using NeuroLc.RateAdapters.Kernels;

namespace NeuroLc.Bench.Rate;

/// <summary>
/// Our SGEMM against OpenBLAS (Debian's libopenblas0-pthread, SkylakeX kernels, loaded into the benchmark process) at
/// the layer shapes of Figures 7 and 12 (<see cref="SgemmShape.All"/>, without 1000³), same operands, same thread
/// count. OpenBLAS is the baseline, so BenchmarkDotNet's Ratio column is our time over OpenBLAS's: below 1, ours is
/// faster. `neurolc bench sgemm --peer openblas` measures the same pairs with their trials taken in turn.
/// </summary>
[Config(typeof(ShortRateJob))]
public unsafe class SgemmPeerBenchmarks
{
    private Sgemm _gemm = null!;
    private OpenBlasPeer _peer = null!;
    private SgemmShape _shape = null!;
    private float[] _a = [];
    private float[] _b = [];
    private float[] _c = [];
    private int _lda;
    private int _ldb;

    /// <summary>
    /// The shapes of Figures 7 and 12 by the first two words of the names both tools print ("wgrad 500x100x500"):
    /// short enough that BenchmarkDotNet's table does not cut them.
    /// </summary>
    public static IEnumerable<string> ShapeNames => SgemmShape.All.Where(s => s.Network != "large").Select(ShortName);

    /// <summary>The product, by its short name.</summary>
    [ParamsSource(nameof(ShapeNames))]
    public string Shape { get; set; } = "";

    /// <summary>Threads of both libraries.</summary>
    [Params(1, 2)]
    public int Threads { get; set; }

    /// <summary>Seeded operands, both engines.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _shape = SgemmShape.All.Single(s => ShortName(s) == Shape);
        var rng = new Random(1);
        float[] Random(int n) => Enumerable.Range(0, n).Select(_ => (float)((rng.NextDouble() * 2) - 1)).ToArray();
        _a = Random(_shape.M * _shape.K);
        _b = Random(_shape.K * _shape.N);
        _c = GC.AllocateArray<float>(_shape.M * _shape.N, pinned: true);
        _lda = _shape.TransposeA ? _shape.M : _shape.K;
        _ldb = _shape.TransposeB ? _shape.K : _shape.N;
        _gemm = new Sgemm(Threads);
        _peer = OpenBlasPeer.Load(OpenBlasPeer.DefaultPath, Threads);
    }

    /// <summary>OpenBLAS's cblas_sgemm.</summary>
    [Benchmark(Baseline = true)]
    public void OpenBlas()
    {
        fixed (float* a = _a, b = _b, c = _c)
        {
            _peer.Multiply(_shape.TransposeA, _shape.TransposeB, _shape.M, _shape.N, _shape.K, 1f, a, _lda, b, _ldb, 0f, c, _shape.N);
        }
    }

    /// <summary>Our engine, operands packed per call as OpenBLAS packs them.</summary>
    [Benchmark]
    public void Ours() => _gemm.Multiply(_shape.TransposeA, _shape.TransposeB, _shape.M, _shape.N, _shape.K, 1f, _a, _lda, _b, _ldb, 0f, _c, _shape.N);

    private static string ShortName(SgemmShape shape) => string.Join(' ', shape.Name.Split(' ').Take(2));

    /// <summary>Stops the worker thread.</summary>
    [GlobalCleanup]
    public void Cleanup() => _gemm.Dispose();
}

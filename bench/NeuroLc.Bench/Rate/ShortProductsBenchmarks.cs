using BenchmarkDotNet.Attributes;
using NeuroLc.RateAdapters.Kernels;
using NeuroLc.RateAdapters.Training;

namespace NeuroLc.Bench.Rate;

/// <summary>
/// The learning channel's e·C^h on one lane, as the two-lane step runs it (C^h prepacked in panels, 50 rows): k = 1
/// for a network with one output (Figure 12, 50×500×1) and k = 10 for Figure 7's ten outputs (50×100×10), each for all
/// the hidden layers of a step (four). The Ratio column is the short paths of <c>Sgemm.ShortProducts.cs</c> over the
/// register-blocked kernel; the bits are the same.
/// </summary>
[Config(typeof(ShortRateJob))]
public unsafe class ShortProductsBenchmarks
{
    private const int LaneRows = 50;
    private const int HiddenLayers = 4;
    private Sgemm _gemm = null!;
    private float[] _errors = [];
    private float[] _panelStore = [];
    private float* _panels;
    private float[] _z = [];

    /// <summary>The network: fig12 (k = 1, 500 wide) or fig7 (k = 10, 100 wide).</summary>
    [Params("fig12", "fig7")]
    public string Network { get; set; } = "fig12";

    private int Outputs => Network == "fig12" ? 1 : 10;

    private int Units => Network == "fig12" ? 500 : 100;

    /// <summary>Seeded errors and channel matrix, C^h packed as the network keeps it.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(1);
        float[] Random(int n) => Enumerable.Range(0, n).Select(_ => (float)(rng.NextDouble() - 0.5)).ToArray();
        _errors = Random(LaneRows * Outputs);
        float[] channel = Random(Outputs * Units);
        _panelStore = GC.AllocateArray<float>(Sgemm.PanelFloats(Outputs, Units) + 16, pinned: true);
        _panels = WeightMatrix.AlignedAddress(_panelStore);
        fixed (float* c = channel)
        {
            Sgemm.PackRows(c, Units, Outputs, Units, 0, Outputs, _panels, 0, Sgemm.PanelCount(Units));
        }

        _z = new float[LaneRows * Units];
        _gemm = new Sgemm(1);
    }

    /// <summary>Through the register-blocked kernel.</summary>
    [Benchmark(Baseline = true)]
    public void Kernel()
    {
        _gemm.ShortProducts = false;
        Run();
    }

    /// <summary>The outer product (k = 1) or the two-row short path (k = 10).</summary>
    [Benchmark]
    public void ShortPath()
    {
        _gemm.ShortProducts = true;
        Run();
    }

    /// <summary>Stops the worker thread.</summary>
    [GlobalCleanup]
    public void Cleanup() => _gemm.Dispose();

    private void Run()
    {
        fixed (float* e = _errors, z = _z)
        {
            for (int h = 0; h < HiddenLayers; h++)
            {
                _gemm.MultiplyPrepacked(LaneRows, Units, Outputs, 1f, e, Outputs, null, _panels, 0f, z, Units, null);
            }
        }
    }
}

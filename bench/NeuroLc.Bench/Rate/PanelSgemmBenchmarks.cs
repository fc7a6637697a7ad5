using BenchmarkDotNet.Attributes;
using NeuroLc.RateAdapters.Kernels;
using NeuroLc.RateAdapters.Training;

namespace NeuroLc.Bench.Rate;

/// <summary>
/// One lane's share of a Figure 12 step on one core, with a 500×500 layer kept row-major (and re-packed for the
/// forward product after each update, as before session 4) or kept only as panels (<c>Sgemm.Panels.cs</c>): the
/// update W ← W + α·Oᵀ·R (500×500×100), the forward product X·W and BP's δ·Wᵀ on the lane's 50 rows (50×500×500),
/// and δ·Wᵀ on 48; each with the panel-pair-outer orders on and off. Since session N BP's δ·Wᵀ reads the panels of
/// Wᵀ (<see cref="DeltaTimesTransposeFromTransposedPanels"/>), which the update writes along with W's
/// (<see cref="UpdateIntoPanelsAndTransposed"/>); <see cref="TransposePanels"/> is the separate pass that cost too much.
/// </summary>
[Config(typeof(ShortRateJob))]
public unsafe class PanelSgemmBenchmarks
{
    private const int Units = 500;
    private const int Batch = 100;
    private const int LaneRows = 50;
    private Sgemm _gemm = null!;
    private float[] _activity = [];
    private float[] _signal = [];
    private float[] _weights = [];
    private float[] _panelStore = [];
    private float* _panels;
    private float[] _transposedStore = [];
    private float* _transposed;
    private float[] _z = [];
    private float[] _s = [];

    /// <summary>Whether the panel-pair-outer orders (session 5) are on; off is the row-block order before them.</summary>
    [Params(true, false)]
    public bool PairOuter { get; set; }

    /// <summary>Seeded operands.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(1);
        float[] Random(int n) => Enumerable.Range(0, n).Select(_ => (float)(rng.NextDouble() - 0.5) * 0.01f).ToArray();
        _activity = Random(Batch * Units);
        _signal = Random(Batch * Units);
        _weights = Random(Units * Units);
        // Pinned and 64-byte aligned, as the network keeps its panel copies.
        _panelStore = GC.AllocateArray<float>(Sgemm.PanelFloats(Units, Units) + 16, pinned: true);
        _panels = WeightMatrix.AlignedAddress(_panelStore);
        _transposedStore = GC.AllocateArray<float>(Sgemm.PanelFloats(Units, Units) + 16, pinned: true);
        _transposed = WeightMatrix.AlignedAddress(_transposedStore);
        _z = new float[LaneRows * Units];
        _s = new float[LaneRows * Units];
        _gemm = new Sgemm(1) { PairOuterOrders = PairOuter };
        fixed (float* w = _weights)
        {
            Sgemm.PackRows(w, Units, Units, Units, 0, Units, _panels, 0, Sgemm.PanelCount(Units));
        }

        Sgemm.TransposePanels(_panels, Units, Units, _transposed);
    }

    /// <summary>The update on row-major weights, then the panel copy the forward product reads.</summary>
    [Benchmark(Baseline = true)]
    public void UpdateRowMajorAndRepack()
    {
        fixed (float* a = _activity, r = _signal, w = _weights)
        {
            _gemm.Multiply(true, false, Units, Units, Batch, 1e-6f, a, Units, r, Units, 1f, w, Units);
            Sgemm.PackRows(w, Units, Units, Units, 0, Units, _panels, 0, Sgemm.PanelCount(Units));
        }
    }

    /// <summary>The update written into the panel copy only.</summary>
    [Benchmark]
    public void UpdateIntoPanels()
    {
        fixed (float* a = _activity, r = _signal)
        {
            _gemm.MultiplyIntoPanels(true, Units, Units, Batch, 1e-6f, a, Units, null, r, Units, 1f, _panels, null);
        }
    }

    /// <summary>The update into the panel copy that also writes the panels of Wᵀ, pair of panels by pair of panels.</summary>
    [Benchmark]
    public void UpdateIntoPanelsAndTransposed()
    {
        fixed (float* a = _activity, r = _signal)
        {
            _gemm.MultiplyIntoPanelsAndTransposed(true, Units, Units, Batch, 1e-6f, a, Units, null, r, Units, 1f, _panels, _transposed);
        }
    }

    /// <summary>The panels of Wᵀ made from W's panels in a separate pass (16×16 blocks transposed in registers).</summary>
    [Benchmark]
    public void TransposePanels() => Sgemm.TransposePanels(_panels, Units, Units, _transposed);

    /// <summary>The forward product of the lane's rows, X·W from W's panels (pair-outer when <see cref="PairOuter"/>).</summary>
    [Benchmark]
    public void ForwardFromPanels()
    {
        fixed (float* x = _activity, s = _s)
        {
            _gemm.MultiplyPrepacked(LaneRows, Units, Units, 1f, x, Units, null, _panels, 0f, s, Units, null);
        }
    }

    /// <summary>δ·Wᵀ on the lane's rows with W row-major.</summary>
    [Benchmark]
    public void DeltaTimesTransposeFromRows()
    {
        fixed (float* d = _signal, w = _weights, z = _z)
        {
            _gemm.Multiply(false, true, LaneRows, Units, Units, 1f, d, Units, w, Units, 0f, z, Units);
        }
    }

    /// <summary>δ·Wᵀ on the lane's rows with W read from its panels.</summary>
    [Benchmark]
    public void DeltaTimesTransposeFromPanels()
    {
        fixed (float* d = _signal, z = _z)
        {
            _gemm.MultiplyByPanelsTransposed(LaneRows, Units, Units, 1f, d, Units, _panels, 0f, z, Units, null);
        }
    }

    /// <summary>δ·Wᵀ on the lane's rows from the panels of Wᵀ: δ's rows in the register blocks, as the forward product.</summary>
    [Benchmark]
    public void DeltaTimesTransposeFromTransposedPanels()
    {
        fixed (float* d = _signal, z = _z)
        {
            _gemm.MultiplyPrepacked(LaneRows, Units, Units, 1f, d, Units, null, _transposed, 0f, z, Units, null);
        }
    }

    /// <summary>
    /// δ·Wᵀ from the panels on 48 rows (a batch of 96 on two lanes): three panels of δᵀ, so a lone last panel. Before
    /// session 5 that panel copied every block of W element by element and this took 3–5 times as long as 50 rows.
    /// </summary>
    [Benchmark]
    public void DeltaTimesTransposeFromPanelsOddPanelCount()
    {
        fixed (float* d = _signal, z = _z)
        {
            _gemm.MultiplyByPanelsTransposed(LaneRows - 2, Units, Units, 1f, d, Units, _panels, 0f, z, Units, null);
        }
    }

    /// <summary>Stops the worker thread.</summary>
    [GlobalCleanup]
    public void Cleanup() => _gemm.Dispose();
}

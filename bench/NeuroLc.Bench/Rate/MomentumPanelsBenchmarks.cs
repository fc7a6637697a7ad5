using BenchmarkDotNet.Attributes;
using NeuroLc.RateAdapters.Training;

namespace NeuroLc.Bench.Rate;

/// <summary>
/// Ten training steps of Figure 13's HIGGS network (21-300×8-1, tanh, logistic output, momentum 0.9, batch 100, two
/// threads) with the wide layers' weights and velocity row-major (the baseline: the update writes V, then W ← W + V
/// and the panel copy are redone row group by row group) against both kept only as panels (each tile of V added to
/// W's panels as it is stored). The bits are the same; the Ratio column is panels over row-major.
/// </summary>
[Config(typeof(ShortRateJob))]
public class MomentumPanelsBenchmarks
{
    private const int Steps = 10;
    private RateNetwork _rowMajor = null!;
    private RateNetwork _panels = null!;

    /// <summary>The learning channel.</summary>
    [Params(Algorithm.BP, Algorithm.SRBP)]
    public Algorithm Algorithm { get; set; }

    /// <summary>Two seeded networks, one each way, on the same random minibatch.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _rowMajor = Build(panels: false);
        _panels = Build(panels: true);
    }

    /// <summary>Weights and velocity row-major.</summary>
    [Benchmark(Baseline = true)]
    public void RowMajorVelocity() => HiggsNetworks.Train(_rowMajor, Steps, 0.001f);

    /// <summary>Weights and velocity only as panels.</summary>
    [Benchmark]
    public void VelocityInPanels() => HiggsNetworks.Train(_panels, Steps, 0.001f);

    /// <summary>Stops the networks' worker threads.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _rowMajor.Dispose();
        _panels.Dispose();
    }

    private RateNetwork Build(bool panels)
    {
        var model = new ModelSpec
        {
            LayerSizes = HiggsNetworks.LayerSizes,
            Hidden = Activation.Tanh,
            Output = OutputKind.Logistic,
            Algorithm = Algorithm,
        };
        RateNetwork.MomentumLayersAsPanels = panels;
        try
        {
            return HiggsNetworks.Seeded(model, 2);
        }
        finally
        {
            RateNetwork.MomentumLayersAsPanels = true;
        }
    }
}

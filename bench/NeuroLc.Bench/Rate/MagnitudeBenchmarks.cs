using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;
using NeuroLc.RateAdapters.Kernels;

namespace NeuroLc.Bench.Rate;

/// <summary>
/// The largest |w| of a 1 MB layer of Figure 12 (the per-step weight bound reads it after every update), against
/// <c>TensorPrimitives.MaxMagnitude</c> as the baseline: Ratio below 1 is ours faster.
/// </summary>
[Config(typeof(ShortRateJob))]
public class MagnitudeBenchmarks
{
    private float[] _weights = [];

    /// <summary>Seeded weights of a 500×500 layer.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(3);
        _weights = Enumerable.Range(0, 500 * 500).Select(_ => (float)(rng.NextDouble() - 0.5)).ToArray();
    }

    /// <summary>The library's element of largest magnitude (signed, NaN-aware).</summary>
    [Benchmark(Baseline = true)]
    public float Library() => TensorPrimitives.MaxMagnitude(_weights);

    /// <summary>Ours: an integer maximum over the bits with the sign cleared.</summary>
    [Benchmark]
    public float LargestMagnitude() => MagnitudeKernels.LargestMagnitude(_weights);
}

using BenchmarkDotNet.Attributes;
using NeuroLc.RateAdapters.Kernels;
using NeuroLc.RateAdapters.Training;

namespace NeuroLc.Bench.Rate;

/// <summary>The fused element-wise passes of one hidden layer of Figure 7 (batch 100 × 100 units) and an odd length.</summary>
[Config(typeof(ShortRateJob))]
public class ElementwiseBenchmarks
{
    private float[] _s = [];
    private float[] _o = [];
    private float[] _z = [];
    private float[] _bias = [];

    /// <summary>Rows of 100 units.</summary>
    [Params(100, 37)]
    public int Rows { get; set; }

    /// <summary>Seeded activations in [−3, 3].</summary>
    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(2);
        _s = Enumerable.Range(0, Rows * 100).Select(_ => (float)((rng.NextDouble() * 6) - 3)).ToArray();
        _o = new float[_s.Length];
        _z = (float[])_s.Clone();
        _bias = Enumerable.Range(0, 100).Select(_ => (float)rng.NextDouble()).ToArray();
    }

    /// <summary>S ← S + b, O ← tanh(S).</summary>
    [Benchmark]
    public void BiasTanh() => ActivationKernels.BiasActivation(_s, _bias, Rows, Activation.Tanh, _o);

    /// <summary>R ← (1 − O²) ⊙ Z.</summary>
    [Benchmark]
    public void TanhDerivativeProduct() => ActivationKernels.DerivativeProduct(Activation.Tanh, _o, _z, _s);

    /// <summary>Softmax cross-entropy of a 10-class output of the same batch.</summary>
    [Benchmark]
    public double SoftmaxCrossEntropy() => LossKernels.SoftmaxCrossEntropy(_o, _z, Rows, 10, _s, out _);
}

using BenchmarkDotNet.Attributes;
using NeuroLc.RateAdapters.Data;
using NeuroLc.RateAdapters.Training;

namespace NeuroLc.Bench.Rate;

/// <summary>
/// 60 minibatch updates (6,000 examples, a tenth of an epoch) of the Figure 7 network, 784-100×4-10 tanh, batch 100,
/// lr 0.1, on MNIST-shaped patterns; multiply by 10 for seconds per epoch.
/// </summary>
[Config(typeof(ShortRateJob))]
public class EpochBenchmarks
{
    private Dataset _data = null!;
    private RateTrainer _trainer = null!;

    /// <summary>The learning channel.</summary>
    [Params(Algorithm.BP, Algorithm.RBP, Algorithm.SRBP)]
    public Algorithm Algorithm { get; set; }

    /// <summary>Threads (results are identical for 1 and 2).</summary>
    [Params(1, 2)]
    public int Threads { get; set; }

    /// <summary>Seeded data and network.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _data = MnistLikePatterns.Generate(6000, 1);
        _trainer = new RateTrainer(new ModelSpec { Algorithm = Algorithm }, new TrainingSpec { Threads = Threads }, _data, null);
    }

    /// <summary>One pass over the 6,000 examples.</summary>
    [Benchmark]
    public void TenthOfAnEpoch()
    {
        while (_trainer.Step())
        {
        }

        _trainer.EndEpoch();
    }

    /// <summary>Stops the worker thread.</summary>
    [GlobalCleanup]
    public void Cleanup() => _trainer.Dispose();
}

using BenchmarkDotNet.Attributes;
using NeuroLc.RateAdapters.Benchmarks;
using NeuroLc.RateAdapters.Data;
using NeuroLc.RateAdapters.Kernels;
using NeuroLc.RateAdapters.Training;

namespace NeuroLc.Bench.Rate;

/// <summary>
/// Ten training steps of the Figure 12 network (2-500×5-1 ReLU, logistic output, batch 100, lr 0.01, two threads)
/// against the machine's limit in the same run: the baseline executes the same number of floating-point operations as
/// FMAs on registers (<see cref="FmaPeak"/>, sixteen chains per thread as ../shared/peers/limits.c) on the same two
/// threads. BenchmarkDotNet's Ratio column is our time over the peak's, so the share of the FMA peak is 1 / Ratio
/// (the target, 50 %, is a Ratio of 2.0 or less).
/// </summary>
[Config(typeof(ShortRateJob))]
public class Figure12PeakBenchmarks
{
    private const int Steps = 10;
    private RateTrainer _trainer = null!;
    private WorkerPair _peakThreads = null!;
    private long _iterationsPerThread;

    /// <summary>The learning channel.</summary>
    [Params(Algorithm.BP, Algorithm.RBP, Algorithm.SRBP)]
    public Algorithm Algorithm { get; set; }

    /// <summary>Seeded network and f_1 data; the FMA work equal to ten steps' matrix flops.</summary>
    [GlobalSetup]
    public void Setup()
    {
        ModelSpec model = RateBench.Figure12Model(Algorithm);
        var training = new TrainingSpec { BatchSize = 100, LearningRate = 0.01f, Decay = 1e-5f, Seed = 1, Threads = 2 };
        _trainer = new RateTrainer(model, training, SyntheticFk.Generate(1, 100_000, 1), null);
        _peakThreads = new WorkerPair(2);
        double flops = RateBench.FlopsPerExample(model) * training.BatchSize * Steps;
        _iterationsPerThread = (long)(flops / 2 / FmaPeak.FlopsPerIteration);
    }

    /// <summary>The FMA peak doing the ten steps' flops on two threads.</summary>
    [Benchmark(Baseline = true)]
    public double FmaPeakSameFlops() => FmaPeak.Measure(_peakThreads, _iterationsPerThread);

    /// <summary>Ten minibatch steps (a new epoch of the 100,000 examples when one ends).</summary>
    [Benchmark]
    public void TenSteps()
    {
        for (int i = 0; i < Steps; i++)
        {
            if (!_trainer.Step())
            {
                _trainer.EndEpoch();
                _trainer.Step();
            }
        }
    }

    /// <summary>Stops the worker threads.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _trainer.Dispose();
        _peakThreads.Dispose();
    }
}

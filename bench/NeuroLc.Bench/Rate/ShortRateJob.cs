using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace NeuroLc.Bench.Rate;

/// <summary>A short job (3 warm-ups, 7 iterations): the machine is shared, so runs are kept brief and compared as ratios.</summary>
public sealed class ShortRateJob : ManualConfig
{
    /// <summary>Creates the configuration.</summary>
    public ShortRateJob()
    {
        AddJob(Job.Default.WithWarmupCount(3).WithIterationCount(7).WithLaunchCount(1).WithId("rate-short"));
    }
}

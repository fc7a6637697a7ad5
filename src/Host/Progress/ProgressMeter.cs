using System.Diagnostics;

namespace NeuroLc.Host.Progress;

/// <summary>Percent, ETA, examples/s and synapse-updates/s of the current run, measured from when this process took it up.</summary>
public sealed class ProgressMeter
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly long _startUpdates;
    private readonly long _totalUpdates;
    private readonly int _batchSize;
    private readonly long _synapses;

    public ProgressMeter(long startUpdates, long totalUpdates, int batchSize, long synapses)
    {
        _startUpdates = startUpdates;
        _totalUpdates = Math.Max(1, totalUpdates);
        _batchSize = batchSize;
        _synapses = synapses;
        Updates = startUpdates;
    }

    public long Updates { get; set; }

    public long TotalUpdates => _totalUpdates;

    public double Percent => 100.0 * Math.Min(Updates, _totalUpdates) / _totalUpdates;

    public double ElapsedSeconds => _clock.Elapsed.TotalSeconds;

    public double ExamplesPerSecond => ElapsedSeconds > 0 ? (Updates - _startUpdates) * (double)_batchSize / ElapsedSeconds : 0;

    /// <summary>Synapses updated per example; synapse-updates/s is <see cref="ExamplesPerSecond"/> times this.</summary>
    public long Synapses => _synapses;

    /// <summary>Remaining time at the rate seen so far; null until an update was measured.</summary>
    public TimeSpan? Eta
    {
        get
        {
            long done = Updates - _startUpdates;
            if (done <= 0)
            {
                return null;
            }
            double seconds = ElapsedSeconds / done * Math.Max(0, _totalUpdates - Updates);
            return TimeSpan.FromSeconds(Math.Round(seconds));
        }
    }
}

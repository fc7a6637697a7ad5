using System.Diagnostics;
using System.Globalization;
using NeuroLc.Host.Runs;
using NeuroLc.Host.Training;

namespace NeuroLc.Host.Progress;

/// <summary>Plain periodic log lines (for logs and pipes): one every few seconds and one per epoch.</summary>
public sealed class TextProgressReporter(TextWriter output, TimeSpan interval) : IProgressReporter
{
    private readonly Stopwatch _sinceLine = Stopwatch.StartNew();
    private ProgressMeter? _meter;
    private string _run = "";

    public T Execute<T>(Func<T> body) => body();

    public void RunStarted(string run, int index, int count, long startUpdates, long totalUpdates, int batchSize, long synapses)
    {
        _run = run;
        _meter = new ProgressMeter(startUpdates, totalUpdates, batchSize, synapses);
        string resumed = startUpdates > 0 ? $", resuming at update {startUpdates}" : "";
        output.WriteLine($"[{run}] run {index + 1}/{count}: {totalUpdates} updates{resumed}");
        _sinceLine.Restart();
    }

    public void Stepped(long updates)
    {
        if (_meter is null)
        {
            return;
        }
        _meter.Updates = updates;
        if (_sinceLine.Elapsed >= interval)
        {
            _sinceLine.Restart();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"[{_run}] {_meter.Percent:F1}% update {updates}/{_meter.TotalUpdates} ETA {_meter.Eta?.ToString() ?? "?"} {_meter.ExamplesPerSecond:F0} ex/s {_meter.ExamplesPerSecond * _meter.Synapses:E2} syn-upd/s"));
        }
    }

    public void EpochEnded(string run, int epoch, int epochs, EpochReport report) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"[{run}] epoch {epoch}/{epochs} train acc {report.TrainAccuracy:F4} loss {report.TrainLoss:F4}  validation acc {report.ValidationAccuracy:F4} loss {report.ValidationLoss:F4}  ({report.Seconds:F1} s)"));

    public void RunEnded(RunResult result) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"[{result.Name}] done ({result.StoppedBy}): {result.Epochs} epochs, {result.Updates} updates, validation acc {result.ValidationAccuracy:F4}, weights {result.WeightsSha256[..12]}"));

    public void Note(string text) => output.WriteLine(text);
}

using System.Diagnostics;
using System.Text.Json;
using NeuroLc.Host.Runs;
using NeuroLc.Host.Training;

namespace NeuroLc.Host.Progress;

/// <summary>One JSON object per line for programs that watch a run: <c>progress</c>, <c>epoch</c>, <c>run</c> and <c>note</c> events.</summary>
public sealed class JsonProgressReporter(TextWriter output, TimeSpan interval) : IProgressReporter
{
    private readonly Stopwatch _sinceLine = Stopwatch.StartNew();
    private ProgressMeter? _meter;
    private string _run = "";

    public T Execute<T>(Func<T> body) => body();

    public void RunStarted(string run, int index, int count, long startUpdates, long totalUpdates, int batchSize, long synapses)
    {
        _run = run;
        _meter = new ProgressMeter(startUpdates, totalUpdates, batchSize, synapses);
        Write(new { @event = "start", run, index, count, start_updates = startUpdates, total_updates = totalUpdates });
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
            double examples = _meter.ExamplesPerSecond;
            Write(new
            {
                @event = "progress",
                run = _run,
                updates,
                total_updates = _meter.TotalUpdates,
                percent = Math.Round(_meter.Percent, 2),
                eta_seconds = _meter.Eta?.TotalSeconds,
                examples_per_second = examples,
                synapse_updates_per_second = examples * _meter.Synapses,
            });
        }
    }

    public void EpochEnded(string run, int epoch, int epochs, EpochReport report) =>
        Write(new
        {
            @event = "epoch",
            run,
            epoch,
            epochs,
            updates = report.Updates,
            train_accuracy = report.TrainAccuracy,
            train_loss = report.TrainLoss,
            validation_accuracy = report.ValidationAccuracy,
            validation_loss = report.ValidationLoss,
            seconds = report.Seconds,
        });

    public void RunEnded(RunResult result) =>
        Write(new
        {
            @event = "run",
            run = result.Name,
            stopped_by = result.StoppedBy,
            epochs = result.Epochs,
            updates = result.Updates,
            validation_accuracy = result.ValidationAccuracy,
            weights_sha256 = result.WeightsSha256,
        });

    public void Note(string text) => Write(new { @event = "note", text });

    private void Write(object value)
    {
        output.WriteLine(JsonSerializer.Serialize(value));
        output.Flush();
    }
}

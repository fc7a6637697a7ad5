using System.Diagnostics;
using System.Globalization;
using NeuroLc.Host.Runs;
using NeuroLc.Host.Training;
using Spectre.Console;

namespace NeuroLc.Host.Progress;

/// <summary>A live Spectre.Console progress bar per run on stderr, with percent, ETA, examples/s and synapse-updates/s.</summary>
public sealed class LiveProgressReporter : IProgressReporter
{
    private static readonly TimeSpan s_refresh = TimeSpan.FromMilliseconds(200);
    private readonly IAnsiConsole _console;
    private readonly Stopwatch _sinceRefresh = Stopwatch.StartNew();
    private ProgressContext? _context;
    private ProgressTask? _task;
    private ProgressMeter? _meter;
    private string _label = "";

    public LiveProgressReporter(TextWriter output)
    {
        _console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
    }

    public T Execute<T>(Func<T> body) =>
        _console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                _context = context;
                try
                {
                    return body();
                }
                finally
                {
                    _context = null;
                }
            });

    public void RunStarted(string run, int index, int count, long startUpdates, long totalUpdates, int batchSize, long synapses)
    {
        _meter = new ProgressMeter(startUpdates, totalUpdates, batchSize, synapses);
        _label = $"{Markup.Escape(run)} ({index + 1}/{count})";
        _task = _context?.AddTask(_label, maxValue: totalUpdates);
        if (_task is not null)
        {
            _task.Value = startUpdates;
        }
    }

    public void Stepped(long updates)
    {
        if (_meter is null || _task is null)
        {
            return;
        }
        _meter.Updates = updates;
        if (_sinceRefresh.Elapsed < s_refresh)
        {
            return;
        }
        _sinceRefresh.Restart();
        _task.Value = updates;
        _task.Description = string.Create(CultureInfo.InvariantCulture,
            $"{_label} [grey]{_meter.ExamplesPerSecond:F0} ex/s {_meter.ExamplesPerSecond * _meter.Synapses:E1} syn-upd/s[/]");
    }

    public void EpochEnded(string run, int epoch, int epochs, EpochReport report)
    {
        if (_task is not null)
        {
            _task.Value = report.Updates;
        }
        _console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"[grey]{Markup.Escape(run)}[/] epoch {epoch}/{epochs}: train [green]{report.TrainAccuracy:P2}[/] validation [green]{report.ValidationAccuracy:P2}[/]"));
    }

    public void RunEnded(RunResult result)
    {
        if (_task is not null)
        {
            _task.Value = _task.MaxValue;
            _task.Description = $"{_label} [green]done[/] ({Markup.Escape(result.StoppedBy)})";
            _task.StopTask();
        }
    }

    public void Note(string text) => _console.MarkupLine($"[yellow]{Markup.Escape(text)}[/]");
}

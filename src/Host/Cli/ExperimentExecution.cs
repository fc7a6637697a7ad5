using System.Globalization;
using NeuroLc.Host.Configuration;
using NeuroLc.Host.Plots;
using NeuroLc.Host.Progress;
using NeuroLc.Host.Runs;
using NeuroLc.Host.Training;

namespace NeuroLc.Host.Cli;

/// <summary>Runs an experiment in a run directory under signal handling, then writes plots and prints the summary table on stdout.</summary>
public static class ExperimentExecution
{
    /// <summary>Creates the run directory (after the data has been checked) and trains all runs.</summary>
    public static int Start(AppServices services, ExperimentConfig experiment, string? outFolder, ProgressMode mode)
    {
        ITrainingEngine engine = services.Engine();
        foreach (RunConfig run in experiment.Runs)
        {
            engine.Prepare(run);
        }
        string root = outFolder ?? Path.Combine("runs", $"{experiment.Name}-{DateTime.UtcNow:yyyyMMdd-HHmmss}");
        RunDirectory directory = RunDirectory.Create(root, experiment);
        services.Error.WriteLine($"run directory: {directory.Root}");
        return Execute(services, engine, directory, mode);
    }

    /// <summary>Continues the runs of an existing run directory.</summary>
    public static int Resume(AppServices services, string root, ProgressMode mode)
    {
        RunDirectory directory = RunDirectory.Open(root);
        ITrainingEngine engine = services.Engine();
        foreach (RunConfig run in directory.Experiment.Runs.Where(r => directory.LoadResult(r.Name) is null))
        {
            engine.Prepare(run);
        }
        return Execute(services, engine, directory, mode);
    }

    private static int Execute(AppServices services, ITrainingEngine engine, RunDirectory directory, ProgressMode mode)
    {
        IProgressReporter reporter = ProgressReporters.Create(mode, services.Error);
        RunOutcome outcome;
        using (var signal = new StopSignal())
        {
            outcome = reporter.Execute(() => new ExperimentRunner(engine, reporter).Run(directory, signal.Token));
        }
        if (outcome == RunOutcome.Interrupted)
        {
            return ExitCodes.Success;
        }
        RenderPlots(directory, services.Error);
        PrintSummary(directory.LoadSummary()!, services.Output);
        return ExitCodes.Success;
    }

    /// <summary>Renders the plots; a missing font library is a warning, because the run's data is already complete.</summary>
    public static void RenderPlots(RunDirectory directory, TextWriter error)
    {
        try
        {
            foreach (string file in PlotRenderer.RenderAll(directory))
            {
                error.WriteLine($"plot: {file}");
            }
        }
        catch (Exception ex) when (ex is TypeInitializationException or DllNotFoundException or InvalidOperationException)
        {
            error.WriteLine($"warning: plots not written ({ex.GetBaseException().Message}); install fonts-dejavu-core and libfontconfig1, then run `neurolc plot {directory.Root}`");
        }
    }

    /// <summary>The summary table (tab-separated, with a header) on stdout.</summary>
    public static void PrintSummary(RunSummary summary, TextWriter output)
    {
        output.WriteLine("run\tepochs\tupdates\ttrain_accuracy\tvalidation_accuracy\tstopped_by\tweights_sha256");
        foreach (RunResult run in summary.Runs)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{run.Name}\t{run.Epochs}\t{run.Updates}\t{run.TrainAccuracy:F4}\t{run.ValidationAccuracy:F4}\t{run.StoppedBy}\t{run.WeightsSha256}"));
        }
        output.WriteLine($"all\t\t\t\t\t\t{summary.WeightsSha256}");
    }
}

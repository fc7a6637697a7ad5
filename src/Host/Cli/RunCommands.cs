using System.CommandLine;
using NeuroLc.Host.Configuration;
using NeuroLc.Host.Progress;

namespace NeuroLc.Host.Cli;

/// <summary>The verbs that train: <c>run</c>, <c>reproduce</c> and <c>resume</c>.</summary>
public static class RunCommands
{
    public static Command Run(AppServices services)
    {
        var file = new Argument<string>("experiment") { Description = "Experiment file (JSON, see `neurolc config schema`)." };
        var options = new ExperimentOptions();
        var command = new Command("run", "Train every run of one experiment file into a new run directory.") { file };
        options.AddTo(command);
        command.SetAction(result => Guard.Run(services.Error, () =>
        {
            ExperimentConfig experiment = ExperimentLoader.LoadFile(result.GetValue(file)!, options.Read(result));
            return ExperimentExecution.Start(services, experiment, result.GetValue(options.Out), result.GetValue(options.Progress));
        }));
        return command;
    }

    public static Command Reproduce(AppServices services)
    {
        string[] choices = [.. EmbeddedExperiments.Names, "theorems"];
        var figure = new Argument<string>("figure") { Description = "One of: " + string.Join(", ", choices) + "." };
        figure.AcceptOnlyFromAmong(choices);
        var options = new ExperimentOptions();
        var command = new Command("reproduce", "Run the whole set of runs of one of the paper's figures (the embedded experiments/<figure>.json), or the ODE systems of Theorems 2-7.") { figure };
        options.AddTo(command);
        command.SetAction(result => Guard.Run(services.Error, () =>
        {
            string name = result.GetValue(figure)!;
            if (name == "theorems")
            {
                return TheoremsReproduction.Run(services, result.GetValue(options.Out));
            }
            byte[] text = EmbeddedExperiments.Read(name)!;
            ExperimentConfig experiment = ExperimentLoader.Parse(text, $"experiments/{name}.json", options.Read(result));
            return ExperimentExecution.Start(services, experiment, result.GetValue(options.Out), result.GetValue(options.Progress));
        }));
        return command;
    }

    public static Command Resume(AppServices services)
    {
        var folder = new Argument<string>("run-dir") { Description = "A run directory written by `neurolc run` or `neurolc reproduce`." };
        Option<ProgressMode> progress = ExperimentOptions.ProgressOption();
        var command = new Command("resume", "Continue the runs of a run directory from their newest valid checkpoints.") { folder, progress };
        command.SetAction(result => Guard.Run(services.Error,
            () => ExperimentExecution.Resume(services, result.GetValue(folder)!, result.GetValue(progress))));
        return command;
    }
}

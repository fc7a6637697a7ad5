using System.CommandLine;
using NeuroLc.Host.Configuration;
using NeuroLc.Host.Runs;

namespace NeuroLc.Host.Cli;

/// <summary>The verbs that inspect: <c>config validate|defaults|schema</c>, <c>list</c> and <c>plot</c>.</summary>
public static class ToolCommands
{
    public static Command Config(AppServices services)
    {
        var file = new Argument<string>("experiment") { Description = "Experiment file to check." };
        var sets = new Option<string[]>("--set") { Description = "Check with these key=value overrides applied." };
        var validate = new Command("validate", "Check an experiment file; errors are printed as file:line:col $.path: reason.") { file, sets };
        validate.SetAction(result => Guard.Run(services.Error, () =>
        {
            ExperimentConfig experiment = ExperimentLoader.LoadFile(result.GetValue(file)!, new LoadOptions { Sets = result.GetValue(sets) ?? [] });
            services.Output.WriteLine($"{result.GetValue(file)}: valid, {experiment.Runs.Count} run(s): {string.Join(", ", experiment.Runs.Select(r => r.Name))}");
            return ExitCodes.Success;
        }));

        var defaults = new Command("defaults", "Print an experiment file with every key at its default value.");
        defaults.SetAction(_ =>
        {
            var experiment = new ExperimentConfig
            {
                Name = "my-experiment",
                Title = "My experiment",
                Runs = [new RunConfig { Name = "bp", Data = new DataConfig(), Training = new TrainingConfig(), Model = new ModelConfig() }],
            };
            string json = ExperimentLoader.ToJson(experiment);
            services.Output.Write(json.Insert(json.IndexOf('{') + 1, "\n  \"$schema\": \"https://neurolc.example/experiment.schema.json\","));
            return ExitCodes.Success;
        });

        var schema = new Command("schema", "Print the JSON schema of experiment files.");
        schema.SetAction(_ =>
        {
            services.Output.Write(ConfigSchema.ToJsonSchema());
            return ExitCodes.Success;
        });

        return new Command("config", "Check experiment files and print the defaults or the schema.") { validate, defaults, schema };
    }

    public static Command List(AppServices services)
    {
        var command = new Command("list", "List the embedded experiments (one per figure) and their runs.");
        command.SetAction(_ => Guard.Run(services.Error, () =>
        {
            services.Output.WriteLine("experiment\truns\ttitle");
            foreach (string name in EmbeddedExperiments.Names)
            {
                ExperimentConfig experiment = ExperimentLoader.Parse(EmbeddedExperiments.Read(name)!, $"experiments/{name}.json", LoadOptions.None);
                services.Output.WriteLine($"{name}\t{experiment.Runs.Count}\t{experiment.Title}");
            }
            return ExitCodes.Success;
        }));
        return command;
    }

    public static Command Plot(AppServices services)
    {
        var folder = new Argument<string>("run-dir") { Description = "A run directory." };
        var command = new Command("plot", "Render (again) the PNG plots of a run directory into its plots/ folder.") { folder };
        command.SetAction(result => Guard.Run(services.Error, () =>
        {
            RunDirectory directory = RunDirectory.Open(result.GetValue(folder)!);
            foreach (string file in Plots.PlotRenderer.RenderAll(directory))
            {
                services.Output.WriteLine(file);
            }
            return ExitCodes.Success;
        }));
        return command;
    }
}

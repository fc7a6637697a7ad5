using System.ComponentModel;
using System.Text.Json.Serialization;

namespace NeuroLc.Host.Configuration;

/// <summary>
/// An experiment file as written: defaults for data, training and model, and the runs that override them.
/// Its shape is the JSON schema (<see cref="ConfigSchema"/>); <see cref="ExperimentLoader"/> resolves it into an <see cref="ExperimentConfig"/>.
/// </summary>
public sealed record ExperimentDocument
{
    [JsonPropertyName("$schema")]
    [Description("Path or URL of experiment.schema.json (editor support only).")]
    public string? Schema { get; init; }

    [JsonRequired]
    [Description("Short name of the experiment; run directories are named after it.")]
    public string Name { get; init; } = "";

    [Description("Title of the comparison plot, e.g. the paper's figure caption.")]
    public string? Title { get; init; }

    [Description("What the experiment reproduces.")]
    public string? Description { get; init; }

    [Description("Data shared by every run unless a run overrides it.")]
    public DataConfig? Data { get; init; }

    [Description("Training shared by every run unless a run overrides it.")]
    public TrainingConfig? Training { get; init; }

    [Description("Model shared by every run unless a run overrides it.")]
    public ModelConfig? Model { get; init; }

    [Description("The runs compared in the figure; each names itself and overrides some of the defaults.")]
    public RunOverride[] Runs { get; init; } = [];

    [Description("Overrides applied to every run by --budget quick (a small budget for a quick look).")]
    public RunOverride? Quick { get; init; }

    [Description("With --budget quick, only these runs (all runs when absent).")]
    public string[]? QuickRuns { get; init; }
}

/// <summary>One run of an experiment: a name and the keys in which it differs from the experiment's defaults.</summary>
public sealed record RunOverride
{
    [Description("Name of the run, unique in the experiment (letters, digits, '-', '_', '.').")]
    public string? Name { get; init; }

    [Description("Data keys that differ from the defaults.")]
    public DataConfig? Data { get; init; }

    [Description("Training keys that differ from the defaults.")]
    public TrainingConfig? Training { get; init; }

    [Description("Model keys that differ from the defaults.")]
    public ModelConfig? Model { get; init; }
}

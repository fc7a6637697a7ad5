using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using NeuroLc.Host.Configuration;
using NeuroLc.Host.Training;

namespace NeuroLc.Host.Runs;

/// <summary>
/// A run directory: <c>config.json</c> (the resolved experiment), <c>manifest.json</c>, <c>metrics.jsonl</c>,
/// <c>metrics.csv</c>, <c>checkpoints/&lt;run&gt;/</c>, <c>results/&lt;run&gt;.json</c>, <c>summary.json</c> and
/// <c>plots/</c>. Every file is written atomically, so the directory is always readable by <c>resume</c>.
/// </summary>
public sealed class RunDirectory
{
    private static readonly JsonSerializerOptions s_outputJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    private RunDirectory(string root, ExperimentConfig experiment)
    {
        Root = root;
        Experiment = experiment;
        Metrics = new MetricsLog(Path.Combine(root, "metrics.jsonl"), Path.Combine(root, "metrics.csv"));
    }

    public string Root { get; }

    public ExperimentConfig Experiment { get; }

    public MetricsLog Metrics { get; }

    public string ConfigPath => Path.Combine(Root, "config.json");

    public string SummaryPath => Path.Combine(Root, "summary.json");

    public string PlotsFolder => Path.Combine(Root, "plots");

    /// <summary>Creates a new run directory for <paramref name="experiment"/> (an empty or missing folder).</summary>
    /// <exception cref="UsageException">The folder already holds a run or other files; nothing in it is changed.</exception>
    public static RunDirectory Create(string root, ExperimentConfig experiment)
    {
        if (Directory.Exists(root) && Directory.EnumerateFileSystemEntries(root).Any())
        {
            string config = Path.Combine(root, "config.json");
            if (File.Exists(config))
            {
                ExperimentConfig existing = ExperimentLoader.LoadFile(config, LoadOptions.None);
                throw new UsageException(existing.Name == experiment.Name
                    ? $"{root} already holds a run of '{existing.Name}'; continue it with `neurolc resume {root}` or choose another --out"
                    : $"{root} holds a run of another experiment ('{existing.Name}', not '{experiment.Name}'); choose another --out");
            }
            throw new UsageException($"{root} is not empty and is not a run directory; choose another --out");
        }
        Directory.CreateDirectory(root);
        var directory = new RunDirectory(root, experiment);
        AtomicFile.WriteAllText(directory.ConfigPath, ExperimentLoader.ToJson(experiment));
        AtomicFile.WriteAllText(Path.Combine(root, "manifest.json"), JsonSerializer.Serialize(Manifest.Describe(experiment), s_outputJson) + "\n");
        return directory;
    }

    /// <summary>Opens an existing run directory for <c>resume</c> or <c>plot</c>.</summary>
    /// <exception cref="UsageException">No run directory there.</exception>
    /// <exception cref="ConfigException">Its <c>config.json</c> is not a valid experiment.</exception>
    public static RunDirectory Open(string root)
    {
        string config = Path.Combine(root, "config.json");
        if (!File.Exists(config))
        {
            throw new UsageException($"{root} is not a run directory (no config.json); start one with `neurolc run <experiment.json> --out {root}`");
        }
        return new RunDirectory(root, ExperimentLoader.LoadFile(config, LoadOptions.None));
    }

    /// <summary>The checkpoint store of one run.</summary>
    public CheckpointStore Checkpoints(string run) => new(Path.Combine(Root, "checkpoints", run));

    public RunResult? LoadResult(string run)
    {
        string path = ResultPath(run);
        return File.Exists(path) ? JsonSerializer.Deserialize<RunResult>(File.ReadAllText(path), s_outputJson) : null;
    }

    public void SaveResult(RunResult result)
    {
        Directory.CreateDirectory(Path.Combine(Root, "results"));
        AtomicFile.WriteAllText(ResultPath(result.Name), JsonSerializer.Serialize(result, s_outputJson) + "\n");
    }

    /// <summary>Writes <c>summary.json</c> from the results of all runs; returns it.</summary>
    public RunSummary WriteSummary(IReadOnlyList<RunResult> results)
    {
        string lines = string.Concat(results.Select(r => $"{r.Name}:{r.WeightsSha256}\n"));
        var summary = new RunSummary
        {
            Experiment = Experiment.Name,
            WallSeconds = results.Sum(r => r.WallSeconds),
            WeightsSha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(lines))),
            Runs = results.Select(r => r with { ProbabilityMap = null }).ToArray(),
        };
        AtomicFile.WriteAllText(SummaryPath, JsonSerializer.Serialize(summary, s_outputJson) + "\n");
        return summary;
    }

    public RunSummary? LoadSummary() =>
        File.Exists(SummaryPath) ? JsonSerializer.Deserialize<RunSummary>(File.ReadAllText(SummaryPath), s_outputJson) : null;

    private string ResultPath(string run) => Path.Combine(Root, "results", run + ".json");
}

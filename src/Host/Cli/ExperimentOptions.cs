using System.CommandLine;
using NeuroLc.Host.Configuration;
using NeuroLc.Host.Progress;

namespace NeuroLc.Host.Cli;

/// <summary>The options shared by <c>run</c> and <c>reproduce</c>: overrides, data locations, output folder and progress.</summary>
public sealed class ExperimentOptions
{
    public Option<string?> Out { get; } = new("--out") { Description = "Run directory to create (default runs/<name>-<timestamp>)." };

    public Option<int?> Epochs { get; } = new("--epochs") { Description = "Override training.epochs of every run." };

    public Option<int?> Limit { get; } = new("--limit") { Description = "Use at most this many training examples (and a sixth as many validation examples)." };

    public Option<ulong?> Seed { get; } = new("--seed") { Description = "Override training.seed of every run." };

    public Option<int?> Threads { get; } = new("--threads") { Description = "Worker threads (0 = all cores); results do not depend on it." };

    public Option<string[]> Set { get; } = new("--set") { Description = "Set a key of the experiment file, e.g. --set training.learningRate=0.05 or --set runs.0.model.algorithm=RBP.", AllowMultipleArgumentsPerToken = false };

    public Option<string?> Data { get; } = new("--data") { Description = "Folder of MNIST-format IDX files (default /usr/share/datasets/fashion-mnist/)." };

    public Option<string?> Higgs { get; } = new("--higgs") { Description = "The HIGGS CSV (HIGGS.csv or HIGGS.csv.gz from the UCI repository)." };

    public Option<string> Budget { get; } = new("--budget") { Description = "paper: the paper's hyperparameters; quick: the file's small 'quick' budget.", DefaultValueFactory = _ => "paper" };

    public Option<string[]> Runs { get; } = new("--runs")
    {
        Description = "Train only these runs of the file, by name (comma-separated or repeated), e.g. --runs bp-k2,srbp-k2.",
    };

    public Option<ProgressMode> Progress { get; } = ProgressOption();

    public ExperimentOptions()
    {
        Budget.AcceptOnlyFromAmong("paper", "quick");
    }

    /// <summary>The <c>--progress</c> option, shared with <c>resume</c> and <c>serve</c>.</summary>
    public static Option<ProgressMode> ProgressOption() => new("--progress")
    {
        Description = "Progress on stderr: auto (a live bar on a terminal, text lines otherwise), none, text or json.",
        DefaultValueFactory = _ => ProgressMode.Auto,
        CustomParser = result =>
        {
            string text = result.Tokens.Count == 0 ? "auto" : result.Tokens[0].Value;
            if (Enum.TryParse(text, ignoreCase: true, out ProgressMode mode))
            {
                return mode;
            }
            result.AddError($"--progress: expected auto, none, text or json, got '{text}'");
            return ProgressMode.Auto;
        },
    };

    public void AddTo(Command command)
    {
        foreach (Option option in new Option[] { Out, Epochs, Limit, Seed, Threads, Set, Data, Higgs, Budget, Runs, Progress })
        {
            command.Options.Add(option);
        }
    }

    public LoadOptions Read(ParseResult result) => new()
    {
        Sets = result.GetValue(Set) ?? [],
        Epochs = result.GetValue(Epochs),
        Limit = result.GetValue(Limit),
        Seed = result.GetValue(Seed),
        Threads = result.GetValue(Threads),
        DataFolder = result.GetValue(Data),
        HiggsFile = result.GetValue(Higgs),
        Quick = result.GetValue(Budget) == "quick",
        Runs = RunNames(result.GetValue(Runs)),
    };

    /// <summary>The names of <c>--runs</c>, split at commas; null when the option is absent.</summary>
    private static string[]? RunNames(string[]? values) =>
        values is null || values.Length == 0
            ? null
            : values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct().ToArray();
}

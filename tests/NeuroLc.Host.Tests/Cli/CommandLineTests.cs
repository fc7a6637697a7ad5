using NeuroLc.Host.Cli;
using NeuroLc.Host.Tests.Support;

namespace NeuroLc.Host.Tests.Cli;

/// <summary>The command line in-process: exit codes, help, and that bad input changes nothing on disk.</summary>
public sealed class CommandLineTests
{
    [Theory]
    [InlineData("--help")]
    [InlineData("run --help")]
    [InlineData("reproduce --help")]
    [InlineData("resume --help")]
    [InlineData("serve --help")]
    [InlineData("list --help")]
    [InlineData("plot --help")]
    [InlineData("config --help")]
    [InlineData("config validate --help")]
    [InlineData("config defaults --help")]
    [InlineData("config schema --help")]
    [InlineData("demo --help")]
    [InlineData("theory --help")]
    [InlineData("bench --help")]
    [InlineData("bench rate --help")]
    public void Every_verb_has_help(string args)
    {
        (int code, string output, _) = Invoke(new LogisticEngine(), args.Split(' '));

        Assert.Equal(0, code);
        Assert.Contains("Usage:", output);
    }

    [Theory]
    [InlineData("")]
    [InlineData("frobnicate")]
    [InlineData("run")]
    [InlineData("reproduce fig99")]
    [InlineData("run x.json --epochs many")]
    [InlineData("run x.json --progress loud")]
    public void Bad_usage_exits_2(string args)
    {
        (int code, _, string error) = Invoke(new LogisticEngine(), args.Length == 0 ? [] : args.Split(' '));

        Assert.Equal(2, code);
        Assert.Contains("error", error);
    }

    [Fact]
    public void Run_writes_a_run_directory_and_the_summary_table()
    {
        using var temp = new TempFolder();
        string file = temp.Combine("tiny.json");
        File.WriteAllText(file, Experiments.Tiny);

        (int code, string output, string error) = Invoke(new LogisticEngine(), ["run", file, "--out", temp.Combine("run"), "--epochs", "2", "--progress", "json"]);

        Assert.Equal(0, code);
        Assert.StartsWith("run\tepochs\tupdates", output);
        Assert.Contains("a-k0\t2\t40\t", output);
        Assert.Contains("\"event\":\"epoch\"", error);
        Assert.True(File.Exists(temp.Combine("run", "summary.json")));
    }

    [Fact]
    public void Runs_option_trains_only_the_named_runs_and_an_unknown_name_creates_nothing()
    {
        using var temp = new TempFolder();
        string file = temp.Combine("tiny.json");
        File.WriteAllText(file, Experiments.Tiny);

        (int code, string output, _) = Invoke(new LogisticEngine(), ["run", file, "--out", temp.Combine("run"), "--epochs", "1", "--runs", "b-k0", "--progress", "none"]);
        (int badCode, _, string error) = Invoke(new LogisticEngine(), ["run", file, "--out", temp.Combine("bad"), "--runs", "b-k0,c-k9"]);

        Assert.Equal(0, code);
        Assert.Contains("b-k0\t1\t", output);
        Assert.DoesNotContain("a-k0", output);
        Assert.DoesNotContain("a-k0", File.ReadAllText(temp.Combine("run", "config.json")));
        Assert.Equal(2, badCode);
        Assert.Contains("--runs $.runs: the file has no run 'c-k9'; its runs are a-k0, b-k0", error);
        Assert.False(Directory.Exists(temp.Combine("bad")));
    }

    [Fact]
    public void Unknown_key_exits_2_and_creates_nothing()
    {
        using var temp = new TempFolder();
        string file = temp.Combine("bad.json");
        File.WriteAllText(file, Experiments.Tiny.Replace("\"epochs\"", "\"epoks\""));

        (int code, _, string error) = Invoke(new LogisticEngine(), ["run", file, "--out", temp.Combine("run")]);

        Assert.Equal(2, code);
        Assert.Contains("bad.json:5:", error);
        Assert.Contains("$.training.epoks: unknown key", error);
        Assert.False(Directory.Exists(temp.Combine("run")));
    }

    [Fact]
    public void Missing_data_exits_2_before_the_run_directory_exists()
    {
        using var temp = new TempFolder();
        string file = temp.Combine("tiny.json");
        File.WriteAllText(file, Experiments.Tiny);
        var engine = new LogisticEngine();
        engine.MissingData.Add("b-k0");

        (int code, _, string error) = Invoke(engine, ["run", file, "--out", temp.Combine("run")]);

        Assert.Equal(2, code);
        Assert.Contains("apt-get install", error);
        Assert.False(Directory.Exists(temp.Combine("run")));
    }

    [Fact]
    public void Run_into_another_experiments_directory_exits_2_and_changes_nothing()
    {
        using var temp = new TempFolder();
        string file = temp.Combine("tiny.json");
        File.WriteAllText(file, Experiments.Tiny);
        Assert.Equal(0, Invoke(new LogisticEngine(), ["run", file, "--out", temp.Combine("run"), "--epochs", "1"]).Code);
        string other = temp.Combine("other.json");
        File.WriteAllText(other, Experiments.Tiny.Replace("\"name\": \"tiny\"", "\"name\": \"other\""));
        Dictionary<string, DateTime> before = Snapshot(temp.Combine("run"));

        (int code, _, string error) = Invoke(new LogisticEngine(), ["run", other, "--out", temp.Combine("run")]);

        Assert.Equal(2, code);
        Assert.Contains("another experiment ('tiny'", error);
        Assert.Equal(before, Snapshot(temp.Combine("run")));
    }

    [Fact]
    public void Resume_of_a_folder_that_is_not_a_run_directory_exits_2()
    {
        using var temp = new TempFolder();

        (int code, _, string error) = Invoke(new LogisticEngine(), ["resume", temp.Path]);

        Assert.Equal(2, code);
        Assert.Contains("not a run directory", error);
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp.Path));
    }

    [Fact]
    public void Resume_of_a_finished_run_only_reprints_its_summary()
    {
        using var temp = new TempFolder();
        string file = temp.Combine("tiny.json");
        File.WriteAllText(file, Experiments.Tiny);
        (_, string first, _) = Invoke(new LogisticEngine(), ["run", file, "--out", temp.Combine("run"), "--progress", "none"]);
        var engine = new LogisticEngine();

        (int code, string again, _) = Invoke(engine, ["resume", temp.Combine("run"), "--progress", "none"]);

        Assert.Equal(0, code);
        Assert.Equal(first, again);
        Assert.Equal(0, engine.Starts + engine.Restores);
    }

    [Fact]
    public void Config_validate_reports_the_position_and_exits_2()
    {
        using var temp = new TempFolder();
        string file = temp.Combine("x.json");
        File.WriteAllText(file, Experiments.Tiny.Replace("\"hidden\"", "\"hiden\"").Replace("\"layerSizes\"", "\"hidden\": \"Relu\", \"layerSizes\""));

        (int ok, string valid, _) = Invoke(new LogisticEngine(), ["config", "validate", Experiments.RepositoryFolder("experiments/fig7.json")]);
        (int code, _, string error) = Invoke(new LogisticEngine(), ["config", "validate", file, "--set", "model.hidden=Softplus"]);

        Assert.Equal(0, ok);
        Assert.Contains("valid, 6 run(s)", valid);
        Assert.Equal(2, code);
        Assert.Contains("--set $.model.hidden: expected one of Identity, Tanh, Logistic, Relu", error);
    }

    [Fact]
    public void Config_defaults_is_a_valid_experiment()
    {
        using var temp = new TempFolder();
        (int code, string defaults, _) = Invoke(new LogisticEngine(), ["config", "defaults"]);
        string file = temp.Combine("defaults.json");
        File.WriteAllText(file, defaults);

        Assert.Equal(0, code);
        Assert.Equal(0, Invoke(new LogisticEngine(), ["config", "validate", file]).Code);
    }

    internal static (int Code, string Output, string Error) Invoke(NeuroLc.Host.Training.ITrainingEngine engine, string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = CommandLineApp.Invoke(new AppServices(() => engine, output, error), args);
        return (code, output.ToString(), error.ToString());
    }

    internal static Dictionary<string, DateTime> Snapshot(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.GetLastWriteTimeUtc);
}

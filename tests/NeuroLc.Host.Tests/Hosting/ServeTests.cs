using NeuroLc.Host.Configuration;
using NeuroLc.Host.Hosting;
using NeuroLc.Host.Progress;
using NeuroLc.Host.Runs;
using NeuroLc.Host.Tests.Cli;
using NeuroLc.Host.Tests.Support;

namespace NeuroLc.Host.Tests.Hosting;

public sealed class ServeTests
{
    [Fact]
    public void Serve_once_runs_every_job_and_a_restart_has_nothing_left()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.Combine("jobs"));
        File.WriteAllText(temp.Combine("jobs", "first.json"), Experiments.Tiny);
        File.WriteAllText(temp.Combine("jobs", "second.json"), Experiments.Tiny.Replace("\"epochs\": 4", "\"epochs\": 1"));
        var engine = new LogisticEngine();
        string[] args = ["serve", "--jobs", temp.Combine("jobs"), "--runs", temp.Combine("runs"), "--once", "--progress", "none"];

        (int code, string output, string error) = CommandLineTests.Invoke(engine, args);
        var again = new LogisticEngine();
        (int secondCode, _, _) = CommandLineTests.Invoke(again, args);

        Assert.True(code == 0, error);
        Assert.Equal("", output);
        Assert.True(File.Exists(temp.Combine("runs", "first", "summary.json")));
        Assert.True(File.Exists(temp.Combine("runs", "second", "summary.json")));
        Assert.True(File.Exists(temp.Combine("runs", "first", "plots", "accuracy.png")));
        Assert.Equal(4, engine.Starts);
        Assert.Equal(0, secondCode);
        Assert.Equal(0, again.Starts + again.Restores);
        Assert.Equal(["first.json", "second.json"], Directory.GetFileSystemEntries(temp.Combine("jobs")).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void Serve_continues_an_interrupted_job_from_its_checkpoint()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.Combine("jobs"));
        File.WriteAllText(temp.Combine("jobs", "job.json"), Experiments.Tiny);
        ExperimentConfig experiment = ExperimentLoader.LoadFile(temp.Combine("jobs", "job.json"), LoadOptions.None);
        RunDirectory straight = RunDirectory.Create(temp.Combine("straight"), experiment);
        new ExperimentRunner(new LogisticEngine(), new SilentProgressReporter(TextWriter.Null)).Run(straight, CancellationToken.None);
        // A server that was stopped at update 50 left this run directory behind.
        RunDirectory stopped = RunDirectory.Create(temp.Combine("runs", "job"), experiment);
        using (var stop = new CancellationTokenSource())
        {
            var engine = new HookedEngine(afterStep: steps => { if (steps == 50) stop.Cancel(); });
            new ExperimentRunner(engine, new SilentProgressReporter(TextWriter.Null)).Run(stopped, stop.Token);
        }
        var restarted = new LogisticEngine();

        (int code, _, string error) = CommandLineTests.Invoke(restarted,
            ["serve", "--jobs", temp.Combine("jobs"), "--runs", temp.Combine("runs"), "--once", "--progress", "none"]);

        Assert.True(code == 0, error);
        Assert.Equal(1, restarted.Restores);
        Assert.Equal(straight.LoadSummary()!.WeightsSha256, RunDirectory.Open(stopped.Root).LoadSummary()!.WeightsSha256);
    }

    [Fact]
    public void Unreadable_job_file_exits_2_and_changes_nothing()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.Combine("jobs"));
        File.WriteAllText(temp.Combine("jobs", "good.json"), Experiments.Tiny);
        File.WriteAllText(temp.Combine("jobs", "broken.json"), "{ \"name\": \"broken\", \"runs\": [ ");
        Dictionary<string, DateTime> before = CommandLineTests.Snapshot(temp.Path);

        (int code, _, string error) = CommandLineTests.Invoke(new LogisticEngine(),
            ["serve", "--jobs", temp.Combine("jobs"), "--runs", temp.Combine("runs"), "--once"]);

        Assert.Equal(2, code);
        Assert.Contains("broken.json:1:", error);
        Assert.Equal(before, CommandLineTests.Snapshot(temp.Path));
        Assert.False(Directory.Exists(temp.Combine("runs")));
    }

    [Fact]
    public void Options_are_validated_at_start()
    {
        using var temp = new TempFolder();

        (int code, _, string error) = CommandLineTests.Invoke(new LogisticEngine(),
            ["serve", "--jobs", temp.Combine("missing"), "--poll-seconds", "0", "--once"]);

        Assert.Equal(2, code);
        Assert.Contains("does not exist", error);
        Assert.Contains("--poll-seconds", error);
    }

    [Fact]
    public void Validator_accepts_sane_options()
    {
        using var temp = new TempFolder();

        var result = new JobsOptionsValidator().Validate(null, new JobsOptions { JobsFolder = temp.Path, RunsFolder = "runs", PollSeconds = 1 });

        Assert.True(result.Succeeded);
    }
}

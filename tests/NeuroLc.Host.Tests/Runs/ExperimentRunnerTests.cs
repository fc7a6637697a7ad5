using System.Text.Json;
using NeuroLc.Host.Configuration;
using NeuroLc.Host.Progress;
using NeuroLc.Host.Runs;
using NeuroLc.Host.Tests.Support;
using NeuroLc.Host.Training;

namespace NeuroLc.Host.Tests.Runs;

public sealed class ExperimentRunnerTests
{
    private static readonly IProgressReporter s_quiet = new SilentProgressReporter(TextWriter.Null);

    [Fact]
    public void Complete_run_writes_every_file_of_the_run_directory()
    {
        using var temp = new TempFolder();
        RunDirectory directory = RunDirectory.Create(temp.Combine("run"), Experiments.Parse(Experiments.Tiny));

        RunOutcome outcome = new ExperimentRunner(new LogisticEngine(), s_quiet).Run(directory, CancellationToken.None);

        Assert.Equal(RunOutcome.Completed, outcome);
        string[] jsonl = File.ReadAllLines(temp.Combine("run", "metrics.jsonl"));
        Assert.Equal(8, jsonl.Length);
        string[] csv = File.ReadAllLines(temp.Combine("run", "metrics.csv"));
        Assert.Equal("run,epoch,updates,train_accuracy,train_loss,validation_accuracy,validation_loss,seconds,norm_forward_1", csv[0]);
        Assert.Equal(9, csv.Length);
        Assert.StartsWith("b-k0,4,80,", csv[8]);
        using JsonDocument summary = JsonDocument.Parse(File.ReadAllText(temp.Combine("run", "summary.json")));
        Assert.Matches("^[0-9a-f]{64}$", summary.RootElement.GetProperty("weights_sha256").GetString());
        JsonElement first = summary.RootElement.GetProperty("runs")[0];
        Assert.Equal("epochs", first.GetProperty("stopped_by").GetString());
        Assert.True(first.GetProperty("validation_accuracy").GetDouble() > 0.9, "logistic regression learns a linear boundary");
        using JsonDocument manifest = JsonDocument.Parse(File.ReadAllText(temp.Combine("run", "manifest.json")));
        Assert.Equal(5UL, manifest.RootElement.GetProperty("seeds").GetProperty("a-k0").GetUInt64());
        Assert.False(string.IsNullOrEmpty(manifest.RootElement.GetProperty("simd_path").GetString()));
        Assert.False(string.IsNullOrEmpty(manifest.RootElement.GetProperty("git_commit").GetString()));
        Assert.Equal(2, directory.Checkpoints("a-k0").Files().Count);
        Assert.Empty(Directory.GetFiles(temp.Path, "*.tmp", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(20)]
    [InlineData(33)]
    [InlineData(79)]
    public void Stop_then_resume_gives_the_uninterrupted_weights_and_metrics(int stopAfter)
    {
        using var temp = new TempFolder();
        ExperimentConfig experiment = Experiments.Parse(Experiments.Tiny);
        RunDirectory straight = RunDirectory.Create(temp.Combine("straight"), experiment);
        new ExperimentRunner(new LogisticEngine(), s_quiet).Run(straight, CancellationToken.None);

        RunDirectory interrupted = RunDirectory.Create(temp.Combine("interrupted"), experiment);
        using var stop = new CancellationTokenSource();
        var stopping = new HookedEngine(afterStep: steps => { if (steps == stopAfter) stop.Cancel(); });
        Assert.Equal(RunOutcome.Interrupted, new ExperimentRunner(stopping, s_quiet).Run(interrupted, stop.Token));
        Assert.False(File.Exists(interrupted.SummaryPath));

        var resumed = new LogisticEngine();
        Assert.Equal(RunOutcome.Completed, new ExperimentRunner(resumed, s_quiet).Run(RunDirectory.Open(interrupted.Root), CancellationToken.None));

        Assert.Equal(1, resumed.Restores);
        Assert.Equal(straight.LoadSummary()!.WeightsSha256, interrupted.LoadSummary()!.WeightsSha256);
        Assert.Equal(WithoutTimes(straight.Metrics.Load()), WithoutTimes(interrupted.Metrics.Load()));
    }

    [Fact]
    public void Truncated_newest_checkpoint_falls_back_to_the_previous_one()
    {
        using var temp = new TempFolder();
        ExperimentConfig experiment = Experiments.Parse(Experiments.Tiny);
        RunDirectory straight = RunDirectory.Create(temp.Combine("straight"), experiment);
        new ExperimentRunner(new LogisticEngine(), s_quiet).Run(straight, CancellationToken.None);
        RunDirectory directory = InterruptedAt(temp.Combine("run"), experiment, 30);
        string newest = directory.Checkpoints("a-k0").Files()[0];
        byte[] bytes = File.ReadAllBytes(newest);
        File.WriteAllBytes(newest, bytes[..(bytes.Length / 2)]);
        var notes = new StringWriter();

        new ExperimentRunner(new LogisticEngine(), new SilentProgressReporter(notes)).Run(RunDirectory.Open(directory.Root), CancellationToken.None);

        Assert.Contains("truncated", notes.ToString());
        Assert.Contains(Path.GetFileName(newest), notes.ToString());
        Assert.Equal(straight.LoadSummary()!.WeightsSha256, directory.LoadSummary()!.WeightsSha256);
    }

    [Fact]
    public void Corrupted_newest_checkpoint_is_detected_by_its_hash()
    {
        using var temp = new TempFolder();
        ExperimentConfig experiment = Experiments.Parse(Experiments.Tiny);
        RunDirectory directory = InterruptedAt(temp.Combine("run"), experiment, 30);
        string newest = directory.Checkpoints("a-k0").Files()[0];
        byte[] bytes = File.ReadAllBytes(newest);
        bytes[^40] ^= 0x10;
        File.WriteAllBytes(newest, bytes);

        var error = Assert.Throws<CheckpointUnreadableException>(() => CheckpointStore.Read(newest));
        Assert.Contains("SHA-256", error.Message);
        (CheckpointHeader previous, _) = CheckpointStore.Read(directory.Checkpoints("a-k0").Files()[1]);
        Assert.True(previous.Updates < 30);
    }

    [Fact]
    public void Checkpoint_of_another_configuration_is_refused()
    {
        using var temp = new TempFolder();
        RunDirectory directory = InterruptedAt(temp.Combine("run"), Experiments.Parse(Experiments.Tiny), 10);
        ExperimentConfig other = Experiments.Parse(Experiments.Tiny.Replace("\"learningRate\": 0.5", "\"learningRate\": 0.4"));
        File.WriteAllText(directory.ConfigPath, ExperimentLoader.ToJson(other));

        var error = Assert.Throws<UsageException>(() => new ExperimentRunner(new LogisticEngine(), s_quiet).Run(RunDirectory.Open(directory.Root), CancellationToken.None));

        Assert.Contains("another run or configuration", error.Message);
    }

    [Fact]
    public void Early_stop_when_validation_error_rises_past_the_tolerance()
    {
        using var temp = new TempFolder();
        string json = Experiments.Tiny.Replace("\"checkpointEvery\": 7", "\"checkpointEvery\": 7, \"earlyStopValidationIncrease\": 0.01");
        RunDirectory directory = RunDirectory.Create(temp.Combine("run"), Experiments.Parse(json));
        double[] accuracies = [0.80, 0.90, 0.895, 0.85];

        new ExperimentRunner(new HookedEngine(validationAccuracy: epoch => accuracies[(epoch - 1) % 4]), s_quiet).Run(directory, CancellationToken.None);

        // Epoch 3: error 0.105 is within 0.01 of the best 0.10; epoch 4: 0.15 is not.
        RunResult result = directory.LoadResult("a-k0")!;
        Assert.Equal("early-stop", result.StoppedBy);
        Assert.Equal(4, result.Epochs);
    }

    [Fact]
    public void Early_stop_patience_waits_for_consecutive_epochs_above_the_best()
    {
        using var temp = new TempFolder();
        string json = Experiments.Tiny.Replace("\"checkpointEvery\": 7", "\"checkpointEvery\": 7, \"earlyStopValidationIncrease\": 0.01, \"earlyStopPatience\": 2")
            .Replace("\"epochs\": 4", "\"epochs\": 8");
        RunDirectory directory = RunDirectory.Create(temp.Combine("run"), Experiments.Parse(json));
        // Epoch 3 is above the best (0.10) by more than 0.01, epoch 4 is back within it, epochs 5 and 6 are above again.
        double[] accuracies = [0.80, 0.90, 0.85, 0.895, 0.87, 0.86, 0.95, 0.95];

        new ExperimentRunner(new HookedEngine(validationAccuracy: epoch => accuracies[epoch - 1]), s_quiet).Run(directory, CancellationToken.None);

        // With patience 1 epoch 3 would have stopped it; with 2 it takes epochs 5 and 6, the first two in a row.
        RunResult result = directory.LoadResult("a-k0")!;
        Assert.Equal("early-stop", result.StoppedBy);
        Assert.Equal(6, result.Epochs);
    }

    [Fact]
    public void Early_stop_patience_left_unset_keeps_the_configuration_hash_of_older_run_directories()
    {
        ExperimentConfig unset = Experiments.Parse(Experiments.Tiny);
        ExperimentConfig set = Experiments.Parse(Experiments.Tiny.Replace("\"checkpointEvery\": 7", "\"checkpointEvery\": 7, \"earlyStopPatience\": 1"));

        // Older run directories were hashed without the key: a resume with this version must still accept them.
        Assert.DoesNotContain("earlyStopPatience", ExperimentLoader.ToJson(unset));
        Assert.NotEqual(CheckpointStore.ConfigHash(unset.Runs[0]), CheckpointStore.ConfigHash(set.Runs[0]));
    }

    [Fact]
    public void Early_stop_patience_counts_across_a_resume()
    {
        using var temp = new TempFolder();
        string json = Experiments.Tiny.Replace("\"checkpointEvery\": 7", "\"checkpointEvery\": 7, \"earlyStopValidationIncrease\": 0.01, \"earlyStopPatience\": 2")
            .Replace("\"epochs\": 4", "\"epochs\": 8");
        double[] accuracies = [0.90, 0.85, 0.85, 0.95, 0.95, 0.95, 0.95, 0.95];
        ExperimentConfig experiment = Experiments.Parse(json);
        RunDirectory directory = RunDirectory.Create(temp.Combine("run"), experiment);
        using (var stop = new CancellationTokenSource())
        {
            // A stop requested while epoch 2 (the first epoch above the best) ends: the run exits after checkpointing it.
            var engine = new HookedEngine(validationAccuracy: epoch =>
            {
                if (epoch == 2)
                {
                    stop.Cancel();
                }
                return accuracies[epoch - 1];
            });
            Assert.Null(directory.LoadResult("a-k0"));
            new ExperimentRunner(engine, s_quiet).Run(directory, stop.Token);
            Assert.Null(directory.LoadResult("a-k0"));
        }

        new ExperimentRunner(new HookedEngine(validationAccuracy: epoch => accuracies[epoch - 1]), s_quiet).Run(RunDirectory.Open(directory.Root), CancellationToken.None);

        // The count of epoch 2 survived the resume: epoch 3, the second in a row, stops the run.
        RunResult result = directory.LoadResult("a-k0")!;
        Assert.Equal("early-stop", result.StoppedBy);
        Assert.Equal(3, result.Epochs);
    }

    [Fact]
    public void Max_updates_ends_a_run_inside_an_epoch()
    {
        using var temp = new TempFolder();
        string json = Experiments.Tiny.Replace("\"checkpointEvery\": 7", "\"checkpointEvery\": 7, \"maxUpdates\": 30");
        RunDirectory directory = RunDirectory.Create(temp.Combine("run"), Experiments.Parse(json));

        new ExperimentRunner(new LogisticEngine(), s_quiet).Run(directory, CancellationToken.None);

        RunResult result = directory.LoadResult("b-k0")!;
        Assert.Equal("max-updates", result.StoppedBy);
        Assert.Equal(30, result.Updates);
        Assert.Equal(2, result.Epochs);
    }

    [Fact]
    public void Two_input_runs_save_a_probability_map()
    {
        using var temp = new TempFolder();
        RunDirectory directory = RunDirectory.Create(temp.Combine("run"), Experiments.Parse(Experiments.Tiny));

        new ExperimentRunner(new LogisticEngine(), s_quiet).Run(directory, CancellationToken.None);

        ProbabilityMap map = directory.LoadResult("a-k0")!.ProbabilityMap!;
        Assert.Equal(ExperimentRunner.MapResolution * ExperimentRunner.MapResolution, map.Values.Length);
        // The learnt boundary is x + y = 0: bottom-left corner near 0, top-right near 1.
        Assert.True(map.Values[0] < 0.2f);
        Assert.True(map.Values[^1] > 0.8f);
    }

    private static RunDirectory InterruptedAt(string root, ExperimentConfig experiment, int stopAfter)
    {
        RunDirectory directory = RunDirectory.Create(root, experiment);
        using var stop = new CancellationTokenSource();
        new ExperimentRunner(new HookedEngine(afterStep: steps => { if (steps == stopAfter) stop.Cancel(); }), s_quiet).Run(directory, stop.Token);
        return directory;
    }

    private static IEnumerable<string> WithoutTimes(IReadOnlyList<MetricsRow> rows) =>
        rows.Select(r => JsonSerializer.Serialize(r with { Seconds = 0 }, MetricsLog.JsonOptions));
}

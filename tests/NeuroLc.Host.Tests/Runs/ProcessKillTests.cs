using System.Text.Json;
using NeuroLc.Host.Runs;
using NeuroLc.Host.Tests.Support;

namespace NeuroLc.Host.Tests.Runs;

/// <summary>
/// The real <c>neurolc</c> with the real rate trainer, killed with SIGKILL at several points and resumed in fresh
/// processes, must end with the same <c>weights_sha256</c> as an uninterrupted run (DESIGN.md section 9).
/// </summary>
public sealed class ProcessKillTests(ProcessKillTests.StraightRun straight) : IClassFixture<ProcessKillTests.StraightRun>
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(2);

    /// <summary>f_1 on a 2-128-128-128-1 ReLU network: about 1,000 updates, a few seconds, checkpoints every 40 updates.</summary>
    private const string Experiment = """
        {
          "name": "killable",
          "data": { "kind": "Fk", "k": 1, "trainCount": 10000, "validationCount": 1000, "seed": 11 },
          "training": { "epochs": 4, "batchSize": 40, "learningRate": 0.1, "seed": 3, "checkpointEvery": 40, "threads": 1 },
          "model": { "layerSizes": [2, 128, 128, 128, 1], "hidden": "Relu", "output": "Logistic", "init": "GlorotUniform" },
          "runs": [ { "name": "bp" }, { "name": "srbp", "model": { "algorithm": "SRBP" } } ]
        }
        """;

    /// <summary>The uninterrupted run both tests compare against, trained once per test class.</summary>
    public sealed class StraightRun : IDisposable
    {
        private readonly TempFolder _temp = new();

        public StraightRun()
        {
            string file = _temp.Combine("killable.json");
            File.WriteAllText(file, Experiment);
            (int code, _, string error) = NeurolcProcess.Run(s_timeout, "run", file, "--out", _temp.Combine("straight"), "--progress", "none");
            Assert.True(code == 0, error);
            WeightsSha256 = ReadWeightsSha256(_temp.Combine("straight"));
        }

        public string WeightsSha256 { get; }

        public void Dispose() => _temp.Dispose();
    }

    [Fact]
    public void Sigkill_at_three_points_then_resume_equals_an_uninterrupted_run()
    {
        using var temp = new TempFolder();
        string file = temp.Combine("killable.json");
        File.WriteAllText(file, Experiment);
        string expected = straight.WeightsSha256;

        string root = temp.Combine("killed");
        // Kill points: early in the first run, at its second epoch, and inside the second run.
        (string Run, long Updates)[] killPoints = [("bp", 80), ("bp", 400), ("srbp", 280)];
        string[] args = ["run", file, "--out", root, "--progress", "none"];
        foreach ((string run, long updates) in killPoints)
        {
            using NeurolcProcess process = NeurolcProcess.Start(args);
            WaitForCheckpoint(process, Path.Combine(root, "checkpoints", run), updates);
            process.KillHard();
            Assert.False(File.Exists(Path.Combine(root, "summary.json")));
            args = ["resume", root, "--progress", "none"];
        }
        (int code, string output, string error) = NeurolcProcess.Run(s_timeout, args);

        Assert.True(code == 0, error);
        Assert.Equal(expected, ReadWeightsSha256(root));
        Assert.Contains(expected, output);
    }

    [Fact]
    public void Sigterm_finishes_the_minibatch_checkpoints_and_exits_0()
    {
        using var temp = new TempFolder();
        string file = temp.Combine("killable.json");
        File.WriteAllText(file, Experiment);
        string root = temp.Combine("stopped");

        using (NeurolcProcess process = NeurolcProcess.Start("run", file, "--out", root, "--progress", "text"))
        {
            WaitForCheckpoint(process, Path.Combine(root, "checkpoints", "bp"), 120);
            process.Terminate();
            Assert.Equal(0, process.WaitForExit(s_timeout));
            Assert.Contains("checkpoint saved", process.Error);
        }
        Assert.False(File.Exists(Path.Combine(root, "summary.json")));
        (int code, _, string error) = NeurolcProcess.Run(s_timeout, "resume", root, "--progress", "none");

        Assert.True(code == 0, error);
        Assert.Equal(straight.WeightsSha256, ReadWeightsSha256(root));
    }

    private static void WaitForCheckpoint(NeurolcProcess process, string folder, long updates)
    {
        var store = new CheckpointStore(folder);
        DateTime deadline = DateTime.UtcNow + s_timeout;
        while (DateTime.UtcNow < deadline)
        {
            IReadOnlyList<string> files = store.Files();
            if (files.Count > 0 && long.Parse(Path.GetFileName(files[0]).Split('-')[1]) >= updates)
            {
                return;
            }
            Assert.False(process.HasExited, $"neurolc exited before update {updates} of {folder}:\n{process.Error}");
            Thread.Sleep(5);
        }
        throw new TimeoutException($"no checkpoint at update {updates} in {folder}");
    }

    private static string ReadWeightsSha256(string root)
    {
        using JsonDocument summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "summary.json")));
        return summary.RootElement.GetProperty("weights_sha256").GetString()!;
    }
}

using NeuroLc.Host.Configuration;
using NeuroLc.Host.Progress;
using NeuroLc.Host.Runs;
using NeuroLc.Host.Tests.Support;
using NeuroLc.Host.Training;

namespace NeuroLc.Host.Tests.Training;

/// <summary>The host on the real rate trainer: thread-count independence, learning, data errors.</summary>
public sealed class RateTrainingEngineTests
{
    private const string Fk = """
        {
          "name": "fk",
          "data": { "kind": "Fk", "k": 0, "trainCount": 4000, "validationCount": 1000, "seed": 5 },
          "training": { "epochs": 3, "batchSize": 50, "learningRate": 0.5, "seed": 9, "checkpointEvery": 30, "threads": 1 },
          "model": { "layerSizes": [2, 64, 64, 1], "hidden": "Relu", "output": "Logistic", "init": "GlorotUniform" },
          "runs": [ { "name": "bp" }, { "name": "rbp", "model": { "algorithm": "RBP" } }, { "name": "srbp", "model": { "algorithm": "SRBP" } } ]
        }
        """;

    [Fact]
    public void Same_weights_for_one_two_and_all_threads()
    {
        using var temp = new TempFolder();
        var hashes = new List<string>();
        foreach (int threads in new[] { 1, 2, 0 })
        {
            // Wide enough layers that the trainer's product engine splits work between its two workers.
            string wide = Fk.Replace("[2, 64, 64, 1]", "[2, 256, 256, 1]").Replace("\"trainCount\": 4000", "\"trainCount\": 1500");
            RunDirectory directory = RunDirectory.Create(temp.Combine($"t{threads}"), Experiments.Parse(wide, new LoadOptions { Threads = threads, Epochs = 2 }));
            new ExperimentRunner(new RateTrainingEngine(), new SilentProgressReporter(TextWriter.Null)).Run(directory, CancellationToken.None);
            hashes.Add(directory.LoadSummary()!.WeightsSha256);
        }

        Assert.Equal(hashes[0], hashes[1]);
        Assert.Equal(hashes[0], hashes[2]);
    }

    [Fact]
    public void Different_seed_gives_different_weights()
    {
        // The twin of the equality test: it must be able to fail.
        using var temp = new TempFolder();
        RunDirectory a = RunDirectory.Create(temp.Combine("a"), Experiments.Parse(Fk, new LoadOptions { Epochs = 1 }));
        RunDirectory b = RunDirectory.Create(temp.Combine("b"), Experiments.Parse(Fk, new LoadOptions { Epochs = 1, Seed = 10 }));
        var quiet = new SilentProgressReporter(TextWriter.Null);

        new ExperimentRunner(new RateTrainingEngine(), quiet).Run(a, CancellationToken.None);
        new ExperimentRunner(new RateTrainingEngine(), quiet).Run(b, CancellationToken.None);

        Assert.NotEqual(a.LoadSummary()!.WeightsSha256, b.LoadSummary()!.WeightsSha256);
    }

    [Fact]
    public void Every_algorithm_learns_the_disc_f0()
    {
        using var temp = new TempFolder();
        RunDirectory directory = RunDirectory.Create(temp.Combine("run"), Experiments.Parse(Fk, new LoadOptions { Epochs = 10 }));

        new ExperimentRunner(new RateTrainingEngine(), new SilentProgressReporter(TextWriter.Null)).Run(directory, CancellationToken.None);

        // f_0 is the unit disc inside [−1, 1]² (π/4 ≈ 79% positive); a constant guess scores 0.79.
        Assert.All(directory.LoadSummary()!.Runs, r => Assert.True(r.ValidationAccuracy > 0.93, $"{r.Name}: {r.ValidationAccuracy}"));
    }

    [Fact]
    public void Missing_mnist_folder_says_how_to_get_the_data()
    {
        var data = new DataConfig { Kind = DataKind.Mnist, Folder = "/nonexistent/mnist" };

        var error = Assert.Throws<DataUnavailableException>(() => new DataCatalog().Load(data));

        Assert.Contains("/nonexistent/mnist", error.Message);
        Assert.Contains("apt-get install dataset-fashion-mnist", error.Message);
    }

    [Fact]
    public void Corrupt_idx_file_names_the_file()
    {
        using var temp = new TempFolder();
        foreach (string name in new[] { "train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte" })
        {
            File.WriteAllBytes(temp.Combine(name), [0, 0, 8, 3, 0, 0]);
        }

        var error = Assert.Throws<DataUnavailableException>(() => new DataCatalog().Load(new DataConfig { Kind = DataKind.Mnist, Folder = temp.Path }));

        Assert.Contains("idx", error.Message);
        Assert.Contains(temp.Path, error.Message);
    }

    [Fact]
    public void Higgs_without_a_file_says_where_to_download_it()
    {
        var error = Assert.Throws<DataUnavailableException>(() => new DataCatalog().Load(new DataConfig { Kind = DataKind.Higgs }));

        Assert.Contains("--higgs", error.Message);
        Assert.Contains("archive.ics.uci.edu", error.Message);
    }

    [Fact]
    public void Shapes_that_do_not_fit_the_data_are_bad_input()
    {
        ExperimentConfig experiment = Experiments.Parse(Fk.Replace("[2, 64, 64, 1]", "[3, 64, 64, 1]"));

        var error = Assert.Throws<UsageException>(() => new RateTrainingEngine().Start(experiment.Runs[0]));

        Assert.Contains("run 'bp' cannot start", error.Message);
    }

    [Theory]
    [InlineData(typeof(AlgorithmName), typeof(NeuroLc.RateAdapters.Training.Algorithm))]
    [InlineData(typeof(ArchitectureName), typeof(NeuroLc.RateAdapters.Training.ChannelArchitecture))]
    [InlineData(typeof(ActivationName), typeof(NeuroLc.RateAdapters.Training.Activation))]
    [InlineData(typeof(OutputName), typeof(NeuroLc.RateAdapters.Training.OutputKind))]
    [InlineData(typeof(ChannelRuleName), typeof(NeuroLc.RateAdapters.Training.LearningChannelRule))]
    [InlineData(typeof(InitName), typeof(NeuroLc.RateAdapters.Training.InitKind))]
    public void Config_enums_spell_the_trainers_names(Type config, Type trainer)
    {
        Assert.Equal(Enum.GetNames(trainer), Enum.GetNames(config));
    }
}

using NeuroLc.Host.Configuration;
using NeuroLc.Host.Tests.Support;

namespace NeuroLc.Host.Tests.Configuration;

/// <summary>The shipped experiment files: valid, embedded, and carrying the paper's hyperparameters (DESIGN.md section 6).</summary>
public sealed class ExperimentFilesTests
{
    [Fact]
    public void Published_schema_is_the_one_the_validator_uses()
    {
        string published = File.ReadAllText(Experiments.RepositoryFolder("experiments/experiment.schema.json"));

        Assert.Equal(ConfigSchema.ToJsonSchema(), published);
    }

    [Fact]
    public void Every_figure_is_embedded_and_valid()
    {
        string[] expected = ["fig7", "fig8", "fig9", "fig10", "fig11", "fig12", "fig13", "fig14"];

        Assert.Equal(expected, EmbeddedExperiments.Names);
        foreach (string name in expected)
        {
            ExperimentConfig experiment = ExperimentLoader.LoadFile(Experiments.RepositoryFolder($"experiments/{name}.json"), LoadOptions.None);
            Assert.Equal(name, experiment.Name);
            ExperimentLoader.Parse(EmbeddedExperiments.Read(name)!, name, new LoadOptions { Quick = true });
        }
    }

    [Theory]
    [InlineData("fig7", 6)]
    [InlineData("fig8", 6)]
    [InlineData("fig11", 6)]
    public void Mnist_figures_use_the_papers_training(string name, int runs)
    {
        ExperimentConfig experiment = ExperimentLoader.Parse(EmbeddedExperiments.Read(name)!, name, LoadOptions.None);

        Assert.Equal(runs, experiment.Runs.Count);
        Assert.All(experiment.Runs, r =>
        {
            Assert.Equal(100, r.Training.Epochs);
            Assert.Equal(100, r.Training.BatchSize);
            Assert.Equal(0.1, r.Training.LearningRate);
            Assert.Equal(0, r.Training.Momentum);
            Assert.Equal(784, r.Model.LayerSizes[0]);
            Assert.Equal(DataKind.Mnist, r.Data.Kind);
        });
    }

    [Fact]
    public void Figure_10_is_linear_with_the_documented_smaller_learning_rate()
    {
        ExperimentConfig experiment = ExperimentLoader.Parse(EmbeddedExperiments.Read("fig10")!, "fig10", LoadOptions.None);

        Assert.Equal(3, experiment.Runs.Count);
        Assert.All(experiment.Runs, r => Assert.Equal(ActivationName.Identity, r.Model.Hidden));
        Assert.All(experiment.Runs, r => Assert.Equal(0.01, r.Training.LearningRate));
        Assert.Equal([ChannelRuleName.Fixed, ChannelRuleName.Hebbian, ChannelRuleName.Hebbian], experiment.Runs.Select(r => r.Model.LearningChannelRule));
    }

    [Fact]
    public void Figure_12_uses_the_papers_network_schedule_and_all_k()
    {
        ExperimentConfig experiment = ExperimentLoader.Parse(EmbeddedExperiments.Read("fig12")!, "fig12", LoadOptions.None);

        Assert.Equal([0, 1, 2, 3], experiment.Runs.Select(r => r.Data.K).Distinct().Order());
        Assert.All(experiment.Runs, r =>
        {
            Assert.Equal([2, 500, 500, 500, 500, 500, 1], r.Model.LayerSizes);
            Assert.Equal(0.01, r.Training.LearningRate);
            Assert.Equal(1e-5, r.Training.Decay);
            Assert.Equal(1_500_000, r.Training.MaxUpdates);
            Assert.Equal(5000, r.Data.TrainCount / r.Training.BatchSize);
            Assert.Equal(r.Name.Contains("stdp") ? ActivationName.Tanh : ActivationName.Relu, r.Model.Hidden);
        });
    }

    [Fact]
    public void Higgs_figures_use_momentum_and_the_deep_network()
    {
        ExperimentConfig experiment = ExperimentLoader.Parse(EmbeddedExperiments.Read("fig13")!, "fig13", LoadOptions.None);

        RunConfig bp = experiment.Runs.Single(r => r.Name == "bp");
        Assert.Equal(10, bp.Model.LayerSizes.Length);
        Assert.Equal(0.9, bp.Training.Momentum);
        Assert.Equal(0.0003, experiment.Runs.Single(r => r.Name == "arbp-stdp").Training.LearningRate);
        Assert.Equal([21, 300, 1], experiment.Runs.Single(r => r.Name == "shallow-bp").Model.LayerSizes);
    }
}

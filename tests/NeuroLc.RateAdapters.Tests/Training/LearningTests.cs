using NeuroLc.RateAdapters.Data;
using NeuroLc.RateAdapters.Training;
using Xunit.Abstractions;

namespace NeuroLc.RateAdapters.Tests.Training;

/// <summary>The algorithms learn: an MNIST-format fixture of 2,000 examples and Bianchini's f_1.</summary>
public sealed class LearningTests : IDisposable
{
    private readonly ITestOutputHelper _output;
    private readonly string _dir = Directory.CreateTempSubdirectory("neurolc-rate-learn-").FullName;

    public LearningTests(ITestOutputHelper output) => _output = output;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData(Algorithm.BP)]
    [InlineData(Algorithm.RBP)]
    [InlineData(Algorithm.SRBP)]
    public void Figure_7_network_reaches_80_percent_training_accuracy_within_5_epochs(Algorithm algorithm)
    {
        MnistLikePatterns.WriteFolder(_dir, 2000, 500, seed: 11, gzip: true);
        (Dataset train, Dataset test) = MnistFormat.Load(_dir);
        var model = new ModelSpec { Algorithm = algorithm };
        using var trainer = new RateTrainer(model, new TrainingSpec { BatchSize = 100, LearningRate = 0.1f, Seed = 2, Threads = 1 }, train, test);
        EpochMetrics? last = null;
        for (int epoch = 0; epoch < 5; epoch++)
        {
            while (trainer.Step())
            {
            }

            last = trainer.EndEpoch();
            _output.WriteLine($"{algorithm} epoch {last.Epoch}: train {last.TrainAccuracy:P1} loss {last.TrainLoss:F3}, test {last.ValidationAccuracy:P1}");
        }

        (double trainAccuracy, _) = trainer.Evaluate(train);
        _output.WriteLine($"{algorithm} final training-set accuracy {trainAccuracy:P1}");
        Assert.True(trainAccuracy >= 0.80, $"{algorithm}: training accuracy {trainAccuracy:P1} after 5 epochs");
    }

    [Fact]
    public void F1_is_learned_to_95_percent_held_out_accuracy()
    {
        (Dataset train, Dataset test) = DataSplit.Split(SyntheticFk.Generate(1, 12000, 21), 1.0 / 6, 22);
        var model = new ModelSpec { LayerSizes = [2, 100, 100, 1], Hidden = Activation.Relu, Output = OutputKind.Logistic, Algorithm = Algorithm.BP };
        var training = new TrainingSpec { BatchSize = 50, LearningRate = 0.1f, Momentum = 0.9f, Decay = 1e-3f, Seed = 3, Threads = 1 };
        using var trainer = new RateTrainer(model, training, train, test);
        EpochMetrics? last = null;
        for (int epoch = 0; epoch < 40; epoch++)
        {
            while (trainer.Step())
            {
            }

            last = trainer.EndEpoch();
        }

        _output.WriteLine($"f1: train {last!.TrainAccuracy:P1}, held-out {last.ValidationAccuracy:P1}");
        Assert.True(last.ValidationAccuracy >= 0.95, $"f1 held-out accuracy {last.ValidationAccuracy:P1}");
    }
}

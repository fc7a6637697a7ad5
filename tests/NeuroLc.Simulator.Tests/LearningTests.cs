using NeuroLc.Neurons;
using NeuroLc.Simulator.Demo;
using NeuroLc.Simulator.Training;
using NeuroLc.Synapses;

namespace NeuroLc.Simulator.Tests;

/// <summary>Forward cells plus a separate learning channel (Distinct: fixed random skip projection from the
/// output into learning-channel cells, fixed random lateral C′ onto the hidden cells) learn.</summary>
public sealed class LearningTests
{
    [Theory]
    [InlineData(PresentationMode.ExplicitError)]
    [InlineData(PresentationMode.Phases)]
    public void LearnsXor(PresentationMode mode)
    {
        PlasticitySpec rule = mode == PresentationMode.ExplicitError ? PlasticitySpec.ExplicitError : PlasticitySpec.Stdp;
        var engine = new CellEngine(DemoNetworks.Distinct(2, [8], 1, 4, rule, seed: 3),
            new EngineOptions { LearningRate = 0.3f, Mode = mode, Seed = 3 });
        Dataset xor = SyntheticTasks.Xor();
        Assert.True(Evaluation.Accuracy(engine, xor) < 0.95);
        for (int epoch = 0; epoch < 1500; epoch++)
        {
            Trainer.RunEpoch(engine, xor, 3, epoch);
        }

        Assert.True(Evaluation.Accuracy(engine, xor) >= 0.95, $"XOR accuracy {Evaluation.Accuracy(engine, xor)}");
    }

    /// <summary>f_1 (2000 training points, 1000 held-out), 2-30-30-1 ReLU/logistic, early stopping at 90%
    /// held-out accuracy within 100 epochs (checked every 5).</summary>
    [Theory]
    [InlineData(PresentationMode.ExplicitError, 0.1f, 0.5)]
    [InlineData(PresentationMode.Phases, 0.2f, 0.3)]
    public void LearnsF1OnHeldOutPoints(PresentationMode mode, float learningRate, double feedbackScale)
    {
        PlasticitySpec rule = mode == PresentationMode.ExplicitError ? PlasticitySpec.ExplicitError : PlasticitySpec.Stdp;
        var engine = new CellEngine(
            DemoNetworks.Distinct(2, [30, 30], 1, 10, rule, seed: 5, feedbackScale, TransferFunction.Relu),
            new EngineOptions { LearningRate = learningRate, Mode = mode, Seed = 5, LearningRateDecay = 1e-4 });
        Dataset train = SyntheticTasks.F(1, 2000, seed: 11);
        Dataset test = SyntheticTasks.F(1, 1000, seed: 12);
        double accuracy = Evaluation.Accuracy(engine, test);
        Assert.True(accuracy < 0.8, $"untrained accuracy {accuracy}");
        for (int epoch = 0; epoch < 100 && accuracy < 0.90; epoch++)
        {
            Trainer.RunEpoch(engine, train, 5, epoch);
            if (epoch % 5 == 4)
            {
                accuracy = Evaluation.Accuracy(engine, test);
            }
        }

        Assert.True(accuracy >= 0.90, $"f_1 held-out accuracy {accuracy}");
    }
}

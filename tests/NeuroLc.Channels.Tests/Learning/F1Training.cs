using NeuroLc.Channels.Audit;
using NeuroLc.Channels.Graph;
using NeuroLc.Simulator;
using NeuroLc.Simulator.Training;

namespace NeuroLc.Channels.Tests.Learning;

/// <summary>Trains a built architecture in the cell engine on the synthetic task f_1 (DESIGN.md section 6):
/// 2000 training points, 1000 held-out points, seeded; stops early once the held-out accuracy reaches the goal.</summary>
internal static class F1Training
{
    public static readonly Dataset Train = SyntheticTasks.F(1, 2000, seed: 21);
    public static readonly Dataset Test = SyntheticTasks.F(1, 1000, seed: 22);

    /// <summary>The same points with targets −1 / +1, for a tanh output cell.</summary>
    public static readonly Dataset TrainPlusMinus = PlusMinus(Train);

    /// <summary>The held-out points with targets −1 / +1.</summary>
    public static readonly Dataset TestPlusMinus = PlusMinus(Test);

    /// <summary>Chance level on the held-out points: the share of the majority class.</summary>
    public static double Chance
    {
        get
        {
            double ones = Test.Targets.Count(t => t[0] > 0.5f) / (double)Test.Count;
            return Math.Max(ones, 1 - ones);
        }
    }

    public static F1Result Run(NetworkGraph graph, EngineOptions options, int maxEpochs, double goal = 0.90, WeightGrowthMonitor? monitor = null, bool plusMinus = false)
    {
        Dataset train = plusMinus ? TrainPlusMinus : Train;
        Dataset test = plusMinus ? TestPlusMinus : Test;
        var engine = new CellEngine(graph, options);
        double initial = Evaluation.Accuracy(engine, test);
        double accuracy = initial;
        monitor?.Record(0, name => engine.Block(name).Weights);
        int epoch = 0;
        while (epoch < maxEpochs && accuracy < goal)
        {
            Trainer.RunEpoch(engine, train, options.Seed, epoch);
            epoch++;
            monitor?.Record(engine.ExamplesSeen, name => engine.Block(name).Weights);
            if (epoch % 2 == 0 || epoch == maxEpochs)
            {
                accuracy = Evaluation.Accuracy(engine, test);
            }
        }

        return new F1Result(initial, accuracy, epoch, engine);
    }

    private static Dataset PlusMinus(Dataset d) => new(d.Inputs, d.Targets.Select(t => new[] { t[0] > 0.5f ? 1f : -1f }).ToArray());
}

/// <summary>Held-out accuracy before and after training, the epochs it took, and the trained engine.</summary>
internal sealed record F1Result(double Initial, double Final, int Epochs, CellEngine Engine)
{
    public override string ToString() => $"held-out accuracy {Initial:P1} → {Final:P1} after {Epochs} epochs";
}

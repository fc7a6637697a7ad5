using NeuroLc.Channels.Architectures;
using NeuroLc.Channels.Graph;
using NeuroLc.Neurons;
using NeuroLc.Synapses;

namespace NeuroLc.Simulator.Tests;

/// <summary>
/// Learning-channel dropout in a Conjoined network (section 4.1.2, Figure 9): a hidden forward cell drops the
/// learning-channel signal it received with probability p_lc and scales a kept one by 1/(1−p_lc), so one SRBP
/// update is ΔW1_ij = η f'(S_i) (m_i / (1−p_lc)) (Σ_k c_ik (T_k − O_k)) x_j, with the mask m drawn by the cell.
/// </summary>
public sealed class LearningDropoutTests
{
    private const int Hidden = 8;
    private const float Eta = 0.5f;
    private const double PLearning = 0.5;
    private static readonly float[] s_x = [0.5f, -1f];
    private static readonly float[] s_t = [1f, 0f];

    private static float[,] Matrix(int rows, int cols, double a, double b)
    {
        var m = new float[rows, cols];
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < cols; j++)
            {
                m[i, j] = (float)(a * Math.Sin((b * i) + (1.7 * j) + 0.3));
            }
        }

        return m;
    }

    private static NetworkGraph Tiny(float[,] w1, float[,] w2, float[,] c, double pLearning) => new NetworkBuilder()
        .Input("in", 2)
        .Population(new PopulationSpec("h", Hidden, TransferFunction.Tanh, Channel.Forward, PopulationRole.Hidden) { LearningDropoutProbability = pLearning })
        .Output("out", 2, TransferFunction.Logistic)
        .Forward("in", "h", WeightInit.FromMatrix(w1), PlasticitySpec.ExplicitError)
        .Forward("h", "out", WeightInit.FromMatrix(w2), PlasticitySpec.ExplicitError)
        .Skip("out", "h", WeightInit.FromMatrix(c))
        .Build();

    [Theory]
    [InlineData(3ul)]
    [InlineData(17ul)]
    public void OneUpdateMatchesTheHandComputationForTheDrawnMask(ulong seed)
    {
        float[,] w1 = Matrix(Hidden, 2, 0.6, 0.9);
        float[,] w2 = Matrix(2, Hidden, 0.5, 1.3);
        float[,] c = Matrix(Hidden, 2, 0.4, 2.1);
        var engine = new CellEngine(Tiny(w1, w2, c, PLearning),
            new EngineOptions { LearningRate = Eta, Mode = PresentationMode.ExplicitError, Seed = seed });
        engine.Train(s_x, s_t);

        // The mask the cells drew for this example (it stays in the population state until the next example).
        bool[] kept = engine.Population("h").LearningKept;
        Assert.Contains(true, kept);
        Assert.Contains(false, kept);

        double[] o1 = new double[Hidden];
        for (int i = 0; i < Hidden; i++)
        {
            o1[i] = Math.Tanh((w1[i, 0] * s_x[0]) + (w1[i, 1] * s_x[1]));
        }

        double[] e = new double[2];
        for (int k = 0; k < 2; k++)
        {
            double s = 0;
            for (int i = 0; i < Hidden; i++)
            {
                s += w2[k, i] * o1[i];
            }

            e[k] = s_t[k] - (1.0 / (1.0 + Math.Exp(-s)));
        }

        float[] dw1 = engine.Block("in->h").Weights;
        float[] dw2 = engine.Block("h->out").Weights;
        for (int i = 0; i < Hidden; i++)
        {
            double g = (c[i, 0] * e[0]) + (c[i, 1] * e[1]);
            double r = (1 - (o1[i] * o1[i])) * ((kept[i] ? 1.0 : 0.0) / (1 - PLearning)) * g;
            for (int j = 0; j < 2; j++)
            {
                Assert.Equal(Eta * r * s_x[j], dw1[(i * 2) + j] - w1[i, j], 1e-6);
            }

            // The output layer's error arrives directly (T − O); learning-channel dropout does not touch it.
            for (int k = 0; k < 2; k++)
            {
                Assert.Equal(Eta * e[k] * o1[i], dw2[(k * Hidden) + i] - w2[k, i], 1e-6);
            }
        }
    }

    /// <summary>
    /// STDP-like rule (eqs. 16–18): a cell that dropped its learning-channel input holds O(1) = O(2) = f(S), so
    /// ΔO = 0; a kept cell sees its lateral input scaled by 1/(1−p_lc): O(t) = f(S + U(t)/(1−p_lc)).
    /// </summary>
    [Fact]
    public void PhaseRuleMasksTheReceivedLateralInput()
    {
        float[,] w1 = Matrix(Hidden, 2, 0.6, 0.9);
        float[,] w2 = Matrix(2, Hidden, 0.5, 1.3);
        float[,] c = Matrix(Hidden, 2, 0.4, 2.1);
        NetworkGraph g = new NetworkBuilder()
            .Input("in", 2)
            .Population(new PopulationSpec("h", Hidden, TransferFunction.Tanh, Channel.Forward, PopulationRole.Hidden) { LearningDropoutProbability = PLearning })
            .Output("out", 2, TransferFunction.Logistic)
            .Forward("in", "h", WeightInit.FromMatrix(w1), PlasticitySpec.Stdp)
            .Forward("h", "out", WeightInit.FromMatrix(w2), PlasticitySpec.Stdp)
            .Skip("out", "h", WeightInit.FromMatrix(c))
            .Build();
        var engine = new CellEngine(g, new EngineOptions { Mode = PresentationMode.Phases, LearningRate = 0f, Seed = 3 });
        engine.Train(s_x, s_t);

        RatePopulation h = engine.Population("h");
        RatePopulation o = engine.Population("out");
        Assert.Contains(true, h.LearningKept);
        Assert.Contains(false, h.LearningKept);
        for (int i = 0; i < Hidden; i++)
        {
            double s = (w1[i, 0] * s_x[0]) + (w1[i, 1] * s_x[1]);
            double scale = h.LearningKept[i] ? 1 / (1 - PLearning) : 0;
            double u1 = (c[i, 0] * o.O1[0]) + (c[i, 1] * o.O1[1]);
            double u2 = (c[i, 0] * s_t[0]) + (c[i, 1] * s_t[1]);
            Assert.Equal(Math.Tanh(s + (scale * u1)), h.O1[i], 1e-6);
            Assert.Equal(Math.Tanh(s + (scale * u2)), h.O2[i], 1e-6);
        }
    }

    [Fact]
    public void MaskIsIndependentOfTheForwardDropoutAndRedrawnPerExample()
    {
        var spec = new PopulationSpec("h", 64, TransferFunction.Tanh, Channel.Forward, PopulationRole.Hidden, 0.5) { LearningDropoutProbability = 0.5 };
        var pop = new RatePopulation(spec.Name, spec.Size, 0, spec.Transfer, spec.Channel, false, spec.DropoutProbability)
        {
            LearningDropoutProbability = spec.LearningDropoutProbability,
        };
        pop.DrawDropout(9, 0);
        pop.DrawLearningDropout(9, 0);
        bool[] first = (bool[])pop.LearningKept.Clone();

        // Same (seed, cell, example) but a distinct stream: the forward "failed" flags do not predict the mask.
        int agree = Enumerable.Range(0, 64).Count(i => pop.Failed[i] != first[i]);
        Assert.InRange(agree, 16, 48);

        pop.DrawLearningDropout(9, 1);
        Assert.NotEqual(first, pop.LearningKept);

        pop.ClearDropout();
        Assert.All(pop.LearningKept, Assert.True);
    }

    /// <summary>
    /// With p_lc = 0 the engine is bit-identical to the code before learning-channel dropout existed: a Conjoined
    /// SRBP network with forward dropout trained on 40 examples ends with exactly the weights recorded then.
    /// </summary>
    [Fact]
    public void ZeroLearningDropoutIsBitIdenticalToBefore()
    {
        NetworkGraph g = new ArchitectureBuilder().Forward(2, [6, 5], 1, TransferFunction.Tanh, TransferFunction.Logistic)
            .Seed(5).Conjoined().Algorithm(LearningAlgorithm.Srbp).Dropout(0.2, 0.0).Build();
        var engine = new CellEngine(g, new EngineOptions { LearningRate = 0.1f, Seed = 5 });
        for (int n = 0; n < 40; n++)
        {
            float a = (float)Math.Sin(n * 0.7);
            float b = (float)Math.Cos(n * 1.3);
            engine.Train([a, b], [a * b > 0 ? 1f : 0f]);
        }

        Assert.Equal(RecordedWeightHash, WeightHash(engine));
    }

    // WeightHash of ZeroLearningDropoutIsBitIdenticalToBefore, recorded with the engine of commit 1efd217.
    private const ulong RecordedWeightHash = 13809108373108209755UL;

    private static ulong WeightHash(CellEngine engine)
    {
        ulong h = 1469598103934665603UL;
        foreach (ProjectionSpec p in engine.Graph.Projections)
        {
            foreach (float w in engine.Block(p.Name).Weights)
            {
                h = (h ^ (uint)BitConverter.SingleToInt32Bits(w)) * 1099511628211UL;
            }
        }

        return h;
    }
}

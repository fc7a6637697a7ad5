using NeuroLc.Channels.Graph;
using NeuroLc.Neurons;
using NeuroLc.Synapses;

using static NeuroLc.Simulator.Tests.TwoThreeTwoCase;

namespace NeuroLc.Simulator.Tests;

/// <summary>
/// One update of the engine on a 2-3-2 network (tanh hidden, logistic output, no biases) equals the
/// hand-computed RBP / SRBP update (eqs. 8–11).
/// <code>
/// x = (0.5, −1), T = (1, 0), η = 0.5
/// W1 = [[0.1, −0.2], [0.4, 0.3], [−0.5, 0.2]]        W2 = [[0.3, −0.1, 0.2], [−0.4, 0.5, 0.1]]
/// C  = [[0.2, −0.3], [0.1, 0.4], [−0.5, 0.25]]       (hidden i ← output k)
/// S¹ = W1 x = (0.25, −0.1, −0.45)                  O¹ = tanh S¹ = (0.2449187, −0.0996680, −0.4218990)
/// S² = W2 O¹ = (−0.0009374, −0.1899914)            O² = σ(S²) = (0.4997656, 0.4526445)
/// R² = T − O² = (0.5002344, −0.4526445)                                        (eq. 10)
/// R¹_i = (1 − (O¹_i)²) Σ_k c_ik R²_k = (0.2216933, −0.1297327, −0.2986152)     (eq. 9 = eq. 11 here)
/// ΔW2_ki = η R²_k O¹_i = [[0.0612584, −0.0249287, −0.1055242], [−0.0554305, 0.0225571, 0.0954851]]
/// ΔW1_ij = η R¹_i x_j  = [[0.0554233, −0.1108467], [−0.0324332, 0.0648664], [−0.0746538, 0.1493076]]
/// </code>
/// </summary>
public sealed class ExactUpdateTests
{
    private static NetworkBuilder Forward() => new NetworkBuilder()
        .Input("in", 2)
        .Hidden("h", 3, TransferFunction.Tanh)
        .Output("out", 2, TransferFunction.Logistic)
        .Forward("in", "h", WeightInit.FromMatrix(W1), PlasticitySpec.ExplicitError)
        .Forward("h", "out", WeightInit.FromMatrix(W2), PlasticitySpec.ExplicitError);

    [Fact]
    public void RbpChainedFeedbackEqualsHandComputation()
        => AssertOneUpdate(Forward().Feedback("out", "h", WeightInit.FromMatrix(C)).Build(), ExpectedDw1);

    [Fact]
    public void SrbpSkipEqualsHandComputation()
        => AssertOneUpdate(Forward().Skip("out", "h", WeightInit.FromMatrix(C)).Build(), ExpectedDw1);

    [Fact]
    public void SrbpThroughSeparateLearningChannelCellsEqualsHandComputation()
    {
        // Distinct: output → learning-channel cells (identity, D = I) → lateral C′ = C onto the hidden cells.
        NetworkGraph g = Forward()
            .LearningChannel("lc", 2, TransferFunction.Identity)
            .Skip("out", "lc", WeightInit.FromMatrix(new float[,] { { 1f, 0f }, { 0f, 1f } }))
            .LateralC("lc", "h", WeightInit.FromMatrix(C))
            .Build();
        AssertOneUpdate(g, ExpectedDw1);
    }

    [Fact]
    public void TextRuleGivesTheSameUpdateAsTheTypedRule()
    {
        PlasticitySpec text = PlasticitySpec.FromText("dw = eta * R_post * O_pre");
        NetworkGraph g = new NetworkBuilder()
            .Input("in", 2).Hidden("h", 3, TransferFunction.Tanh).Output("out", 2, TransferFunction.Logistic)
            .Forward("in", "h", WeightInit.FromMatrix(W1), text)
            .Forward("h", "out", WeightInit.FromMatrix(W2), PlasticitySpec.FromText("dw = eta * (T_post - O_post) * O_pre"))
            .Skip("out", "h", WeightInit.FromMatrix(C))
            .Build();
        AssertOneUpdate(g, ExpectedDw1);
    }

    /// <summary>
    /// 2-3-3-2: RBP chains the error through the second hidden layer's cells (R² = f'(S²) ⊙ C³ R³, then
    /// R¹ = f'(S¹) ⊙ C² R², eq. 9), SRBP skips it (R¹ = f'(S¹) ⊙ C¹ (T − O), eq. 11). The expected updates are
    /// computed here in double precision from those equations.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void DeeperRbpChainAndSrbpSkipMatchTheirEquations(bool skipped)
    {
        float[,] w2 = { { 0.2f, -0.4f, 0.3f }, { 0.1f, 0.5f, -0.2f }, { -0.3f, 0.2f, 0.4f } };
        float[,] c3 = { { 0.3f, -0.2f }, { -0.1f, 0.4f }, { 0.2f, 0.1f } };        // h2 ← out
        float[,] c2 = { { 0.25f, -0.5f, 0.1f }, { 0.3f, 0.2f, -0.4f }, { -0.2f, 0.1f, 0.3f } }; // h1 ← h2
        float[,] c1 = { { -0.3f, 0.2f }, { 0.4f, 0.1f }, { 0.1f, -0.25f } };       // h1 ← out (SRBP)
        NetworkBuilder b = new NetworkBuilder()
            .Input("in", 2).Hidden("h1", 3, TransferFunction.Tanh).Hidden("h2", 3, TransferFunction.Tanh).Output("out", 2, TransferFunction.Logistic)
            .Forward("in", "h1", WeightInit.FromMatrix(W1), PlasticitySpec.ExplicitError)
            .Forward("h1", "h2", WeightInit.FromMatrix(w2), PlasticitySpec.ExplicitError)
            .Forward("h2", "out", WeightInit.FromMatrix(W2), PlasticitySpec.ExplicitError);
        b = skipped
            ? b.Skip("out", "h2", WeightInit.FromMatrix(c3)).Skip("out", "h1", WeightInit.FromMatrix(c1))
            : b.Feedback("out", "h2", WeightInit.FromMatrix(c3)).Feedback("h2", "h1", WeightInit.FromMatrix(c2));
        var engine = new CellEngine(b.Build(), new EngineOptions { LearningRate = 0.5f });
        engine.Train(X, T);

        double[] o1 = new double[3];
        double[] o2 = new double[3];
        double[] e = new double[2];
        for (int i = 0; i < 3; i++)
        {
            o1[i] = Math.Tanh((W1[i, 0] * X[0]) + (W1[i, 1] * X[1]));
        }

        for (int i = 0; i < 3; i++)
        {
            o2[i] = Math.Tanh((w2[i, 0] * o1[0]) + (w2[i, 1] * o1[1]) + (w2[i, 2] * o1[2]));
        }

        for (int k = 0; k < 2; k++)
        {
            double s3 = (W2[k, 0] * o2[0]) + (W2[k, 1] * o2[1]) + (W2[k, 2] * o2[2]);
            e[k] = T[k] - (1.0 / (1.0 + Math.Exp(-s3)));
        }

        double[] r2 = new double[3];
        double[] r1 = new double[3];
        for (int i = 0; i < 3; i++)
        {
            r2[i] = (1 - (o2[i] * o2[i])) * ((c3[i, 0] * e[0]) + (c3[i, 1] * e[1]));
        }

        for (int i = 0; i < 3; i++)
        {
            double lateral = skipped
                ? (c1[i, 0] * e[0]) + (c1[i, 1] * e[1])
                : (c2[i, 0] * r2[0]) + (c2[i, 1] * r2[1]) + (c2[i, 2] * r2[2]);
            r1[i] = (1 - (o1[i] * o1[i])) * lateral;
        }

        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 2; j++)
            {
                Assert.Equal(0.5 * r1[i] * X[j], engine.Block("in->h1").Weights[(i * 2) + j] - W1[i, j], 1e-6);
            }

            for (int j = 0; j < 3; j++)
            {
                Assert.Equal(0.5 * r2[i] * o1[j], engine.Block("h1->h2").Weights[(i * 3) + j] - w2[i, j], 1e-6);
            }
        }
    }

    [Fact]
    public void PerturbedWeightNoLongerMatches()
    {
        float[,] c = (float[,])C.Clone();
        c[0, 0] += 0.01f;
        var engine = new CellEngine(Forward().Skip("out", "h", WeightInit.FromMatrix(c)).Build(),
            new EngineOptions { LearningRate = 0.5f });
        engine.Train(X, T);
        float dw = engine.Block("in->h").Weights[0] - W1[0, 0];
        Assert.True(Math.Abs(dw - ExpectedDw1[0, 0]) > 1e-4);
    }

    [Fact]
    public void MinibatchAppliesTheMeanUpdate()
    {
        var engine = new CellEngine(Forward().Skip("out", "h", WeightInit.FromMatrix(C)).Build(),
            new EngineOptions { LearningRate = 0.5f, BatchSize = 2 });
        engine.Train(X, T);
        Assert.Equal(W1[0, 0], engine.Block("in->h").Weights[0]);
        engine.Train(X, T);

        // Both examples saw the initial weights, so the mean of the two updates is one update.
        Assert.Equal(W1[0, 0] + ExpectedDw1[0, 0], engine.Block("in->h").Weights[0], 1e-6);
    }
}

using NeuroLc.Channels.Architectures;
using NeuroLc.Channels.Graph;
using NeuroLc.Neurons;
using NeuroLc.Synapses;

using static NeuroLc.Simulator.Tests.TwoThreeTwoCase;

namespace NeuroLc.Simulator.Tests;

/// <summary>
/// The "lc-tanh" variant of section 4.1.1 (Figure 7) in a Conjoined network: the hidden cell applies
/// g = tanh to the summed feedback it receives, then multiplies by its own derivative,
/// R¹ = f'(S¹) ⊙ g(C R²) (eq. 9 with a non-linear channel). Same 2-3-2 network as <see cref="ExactUpdateTests"/>.
/// <code>
/// x = (0.5, −1), T = (1, 0), η = 0.5, W1, W2, C as in ExactUpdateTests
/// O¹ = (0.2449187, −0.0996680, −0.4218990)          R² = T − O² = (0.5002344, −0.4526445)
/// C R² = (0.2358402, −0.1310344, −0.3632783)        g(C R²) = tanh(C R²) = (0.2315628, −0.1302895, −0.3480984)
/// R¹ = (1 − (O¹)²) ⊙ g(C R²) = (0.2176725, −0.1289953, −0.2861373)
/// ΔW1_ij = η R¹_i x_j = [[0.0544181, −0.1088363], [−0.0322488, 0.0644976], [−0.0715343, 0.1430686]]
/// ΔW2 is unchanged (the output error does not pass through g).
/// </code>
/// </summary>
public sealed class LearningTransferTests
{
    private static readonly double[,] s_expectedDw1Tanh =
    {
        { 0.05441812699068177, -0.10883625398136354 },
        { -0.032248819181431874, 0.06449763836286375 },
        { -0.071534324216125, 0.14306864843225 },
    };

    [Fact]
    public void RbpWithTanhLearningTransferEqualsHandComputation()
        => AssertOneUpdate(Network(TransferFunction.Tanh, skip: false), s_expectedDw1Tanh);

    [Fact]
    public void SrbpWithTanhLearningTransferEqualsHandComputation()
        => AssertOneUpdate(Network(TransferFunction.Tanh, skip: true), s_expectedDw1Tanh);

    [Fact]
    public void IdentityLearningTransferReproducesTheLinearChannel()
        => AssertOneUpdate(Network(TransferFunction.Identity, skip: false), ExpectedDw1);

    [Fact]
    public void ConjoinedLcTanhArchitectureSetsAndUsesTheTransfer()
    {
        NetworkGraph Build(LearningChannelTransfer t) => new ArchitectureBuilder()
            .Forward(2, [3], 2, TransferFunction.Tanh, TransferFunction.Logistic)
            .Conjoined().Algorithm(LearningAlgorithm.Rbp).LearningTransfer(t).Seed(7).Build();

        NetworkGraph tanh = Build(LearningChannelTransfer.Forward);
        Assert.Equal(TransferFunction.Tanh, tanh.Populations.Single(p => p.Name == "h1").LearningTransfer);
        float[] linear = TrainOnce(Build(LearningChannelTransfer.Linear));
        float[] nonLinear = TrainOnce(tanh);
        Assert.NotEqual(linear, nonLinear);
    }

    [Fact]
    public void SoftmaxLearningTransferIsRejected()
    {
        NetworkGraph g = NetworkWith(TransferFunction.Softmax).Feedback("out", "h", WeightInit.FromMatrix(C)).Build();
        Assert.Throws<GraphValidationException>(() => new CellEngine(g));
    }

    private static NetworkBuilder NetworkWith(TransferFunction g) => new NetworkBuilder()
        .Input("in", 2)
        .Population(new PopulationSpec("h", 3, TransferFunction.Tanh, Channel.Forward, PopulationRole.Hidden) { LearningTransfer = g })
        .Output("out", 2, TransferFunction.Logistic)
        .Forward("in", "h", WeightInit.FromMatrix(W1), PlasticitySpec.ExplicitError)
        .Forward("h", "out", WeightInit.FromMatrix(W2), PlasticitySpec.ExplicitError);

    private static NetworkGraph Network(TransferFunction g, bool skip)
    {
        NetworkBuilder b = NetworkWith(g);
        return (skip ? b.Skip("out", "h", WeightInit.FromMatrix(C)) : b.Feedback("out", "h", WeightInit.FromMatrix(C))).Build();
    }

    private static float[] TrainOnce(NetworkGraph graph)
    {
        var engine = new CellEngine(graph, new EngineOptions { LearningRate = 0.5f, Mode = PresentationMode.ExplicitError });
        engine.Train(X, T);
        return [.. engine.Block("in->h1").Weights];
    }
}

using NeuroLc.Channels.Graph;
using NeuroLc.Neurons;
using NeuroLc.Synapses;

using static NeuroLc.Simulator.Tests.TwoThreeTwoCase;

namespace NeuroLc.Simulator.Tests;

/// <summary>
/// A non-linear learning channel g ("lc-tanh", section 4.1.1) in the phase protocol (section 3.6, eqs. 15–18) with
/// the STDP rule (eq. 14). The hidden cell is driven at t=1 by its received input U¹ = C O (eq. 16) and at t=2 by
/// U¹ + g(U² − U¹), U² = C T (eq. 17 with g), so ΔO ≈ f'(S) g(C (T − O)), the explicit-error lc-tanh R.
/// Same 2-3-2 network as <see cref="ExactUpdateTests"/>; the output sends O at t=1 and T at t=2.
/// <code>
/// x = (0.5, −1), T = (1, 0), η = 0.5, W1, W2, C as in ExactUpdateTests
/// S¹ = (0.25, −0.1, −0.45)     O¹ = (0.2449187, −0.0996680, −0.4218990)     O² = (0.4997656, 0.4526445)
/// U¹ = C O² = (−0.0358402, 0.2310344, −0.1367217)        U² = C T = (0.2, 0.1, −0.5)
/// g(U² − U¹) = tanh(0.2358402, −0.1310344, −0.3632783) = (0.2315628, −0.1302895, −0.3480984)
/// O¹(1) = tanh(S¹ + U¹) = (0.2109446, 0.1302895, −0.5275337)
/// O¹(2) = tanh(S¹ + U¹ + g(U² − U¹)) = (0.4183767, 0.0007448, −0.7328333)
/// ΔO¹ = (0.2074320, −0.1295447, −0.2052995)     (with g = identity: (0.2109544, −0.1302895, −0.2122493))
/// ΔW1_ij = η ΔO¹_i x_j = [[0.0518580, −0.1037160], [−0.0323862, 0.0647723], [−0.0513249, 0.1026498]]
/// ΔW2_ki = η (T_k − O²_k) O¹_i, as in eq. 8 (the output's ΔO is T − O and does not pass through g)
/// </code>
/// </summary>
public sealed class PhaseLearningTransferTests
{
    private static readonly double[,] s_expectedDw1Tanh =
    {
        { 0.0518580030717044, -0.1037160061434088 },
        { -0.03238617415960117, 0.06477234831920234 },
        { -0.05132488700683063, 0.10264977401366127 },
    };

    private static readonly double[,] s_expectedDw1Identity =
    {
        { 0.05273859112432341, -0.10547718224864681 },
        { -0.03257238376819065, 0.0651447675363813 },
        { -0.05306233267178059, 0.10612466534356119 },
    };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void StdpWithTanhLearningTransferEqualsHandComputation(bool skip)
    {
        CellEngine engine = AssertOneUpdate(Network(TransferFunction.Tanh, skip), s_expectedDw1Tanh, PresentationMode.Phases);
        RatePopulation h = engine.Population("h");
        double[] expectedO1 = [0.21094464075271427, 0.13028953507276264, -0.5275337205868819];
        double[] expectedO2 = [0.41837665303953187, 0.0007448384343579593, -0.7328332686142044];
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(expectedO1[i], h.O1[i], 1e-6);
            Assert.Equal(expectedO2[i], h.O2[i], 1e-6);
        }
    }

    [Fact]
    public void IdentityLearningTransferKeepsTheLinearChannelBitForBit()
    {
        CellEngine engine = AssertOneUpdate(Network(TransferFunction.Identity, skip: true), s_expectedDw1Identity, PresentationMode.Phases);

        // The linear channel is O(t) = f(S + U^t) computed from the received input itself, not from
        // U¹ + (U² − U¹), which rounds differently: exact equality, not a tolerance.
        RatePopulation h = engine.Population("h");
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(MathF.Tanh(h.S[i] + h.OtherAtFeedback[i]), h.O1[i]);
            Assert.Equal(MathF.Tanh(h.S[i] + h.Other[i]), h.O2[i]);
        }
    }

    [Fact]
    public void TanhChannelChangesOnlyTheClampedPhase()
    {
        CellEngine linear = Trained(TransferFunction.Identity);
        CellEngine tanh = Trained(TransferFunction.Tanh);
        RatePopulation a = linear.Population("h");
        RatePopulation b = tanh.Population("h");

        // t=0 and t=1 do not involve g; the cells receive the same input in every phase.
        Assert.Equal(a.O0, b.O0);
        Assert.Equal(a.O1, b.O1);
        Assert.Equal(a.OtherAtFeedback, b.OtherAtFeedback);
        Assert.Equal(a.Other, b.Other);
        Assert.NotEqual(a.O2, b.O2);
    }

    private static CellEngine Trained(TransferFunction g)
    {
        var engine = new CellEngine(Network(g, skip: true), new EngineOptions { LearningRate = 0.5f, Mode = PresentationMode.Phases });
        engine.Train(X, T);
        return engine;
    }

    private static NetworkGraph Network(TransferFunction g, bool skip)
    {
        NetworkBuilder b = new NetworkBuilder()
            .Input("in", 2)
            .Population(new PopulationSpec("h", 3, TransferFunction.Tanh, Channel.Forward, PopulationRole.Hidden) { LearningTransfer = g })
            .Output("out", 2, TransferFunction.Logistic)
            .Forward("in", "h", WeightInit.FromMatrix(W1), PlasticitySpec.Stdp)
            .Forward("h", "out", WeightInit.FromMatrix(W2), PlasticitySpec.Stdp);
        return (skip ? b.Skip("out", "h", WeightInit.FromMatrix(C)) : b.Feedback("out", "h", WeightInit.FromMatrix(C))).Build();
    }
}

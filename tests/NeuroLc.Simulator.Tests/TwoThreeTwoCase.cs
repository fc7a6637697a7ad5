using NeuroLc.Channels.Graph;

namespace NeuroLc.Simulator.Tests;

/// <summary>
/// The hand-computed 2-3-2 case shared by <see cref="ExactUpdateTests"/>, <see cref="LearningTransferTests"/> and
/// <see cref="PhaseLearningTransferTests"/>
/// (tanh hidden, logistic output, no biases, x = (0.5, −1), T = (1, 0), η = 0.5); the derivation of the expected
/// updates is written out in <see cref="ExactUpdateTests"/>.
/// </summary>
internal static class TwoThreeTwoCase
{
    public static readonly float[,] W1 = { { 0.1f, -0.2f }, { 0.4f, 0.3f }, { -0.5f, 0.2f } };
    public static readonly float[,] W2 = { { 0.3f, -0.1f, 0.2f }, { -0.4f, 0.5f, 0.1f } };
    public static readonly float[,] C = { { 0.2f, -0.3f }, { 0.1f, 0.4f }, { -0.5f, 0.25f } };
    public static readonly float[] X = [0.5f, -1f];
    public static readonly float[] T = [1f, 0f];

    /// <summary>ΔW2 = η R² (O¹)ᵀ (eq. 8 at the top layer).</summary>
    public static readonly double[,] ExpectedDw2 =
    {
        { 0.06125836403084709, -0.024928677288364898, -0.10552418747598814 },
        { -0.055430545410221105, 0.022557085882241933, 0.09548513673690351 },
    };

    /// <summary>ΔW1 = η R¹ xᵀ with a linear learning channel (eq. 9 = eq. 11 here).</summary>
    public static readonly double[,] ExpectedDw1 =
    {
        { 0.05542332875532361, -0.11084665751064722 },
        { -0.03243317907202155, 0.0648663581440431 },
        { -0.07465380349195186, 0.14930760698390372 },
    };

    /// <summary>Trains the 2-3-2 network <paramref name="graph"/> (projections "in->h", "h->out") on (X, T) once
    /// with η = 0.5 in <paramref name="mode"/> and checks ΔW1 against <paramref name="expectedDw1"/> and ΔW2 against
    /// <see cref="ExpectedDw2"/> to 1e-6. Returns the engine for further checks of its cells.</summary>
    public static CellEngine AssertOneUpdate(NetworkGraph graph, double[,] expectedDw1, PresentationMode mode = PresentationMode.ExplicitError)
    {
        var engine = new CellEngine(graph, new EngineOptions { LearningRate = 0.5f, Mode = mode });
        engine.Train(X, T);
        float[] w1 = engine.Block("in->h").Weights;
        float[] w2 = engine.Block("h->out").Weights;
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 2; j++)
            {
                Assert.Equal(expectedDw1[i, j], w1[(i * 2) + j] - W1[i, j], 1e-6);
            }
        }

        for (int k = 0; k < 2; k++)
        {
            for (int i = 0; i < 3; i++)
            {
                Assert.Equal(ExpectedDw2[k, i], w2[(k * 3) + i] - W2[k, i], 1e-6);
            }
        }

        return engine;
    }
}

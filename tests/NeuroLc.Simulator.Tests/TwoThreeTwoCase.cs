namespace NeuroLc.Simulator.Tests;

/// <summary>
/// The hand-computed 2-3-2 case shared by <see cref="ExactUpdateTests"/> and <see cref="LearningTransferTests"/>
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
}

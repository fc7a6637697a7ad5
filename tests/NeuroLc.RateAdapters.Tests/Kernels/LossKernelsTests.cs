using NeuroLc.RateAdapters.Kernels;

namespace NeuroLc.RateAdapters.Tests.Kernels;

[Trait("Category", "Kernels")]
public sealed class LossKernelsTests
{
    [Fact]
    public void Softmax_cross_entropy_matches_hand_values()
    {
        // Row 0: S = (0, ln 3) → O = (1/4, 3/4); target class 1 → loss −ln(3/4), correct.
        // Row 1: S = (0, 0) → O = (1/2, 1/2); target class 0 → loss ln 2; arg-max tie goes to index 0 → correct.
        float[] s = [0f, MathF.Log(3f), 0f, 0f];
        float[] t = [0f, 1f, 1f, 0f];
        var e = new float[4];
        double loss = LossKernels.SoftmaxCrossEntropy(s, t, 2, 2, e, out int correct);
        Assert.Equal(-Math.Log(0.75) + Math.Log(2), loss, 5);
        Assert.Equal(2, correct);
        Assert.Equal(new[] { 0.25f, 0.75f, 0.5f, 0.5f }, s.Select(v => MathF.Round(v, 5)));
        Assert.Equal(new[] { -0.25f, 0.25f, 0.5f, -0.5f }, e.Select(v => MathF.Round(v, 5)));
    }

    [Fact]
    public void Logistic_cross_entropy_matches_hand_values()
    {
        float[] s = [0f, MathF.Log(3f)];
        float[] t = [1f, 0f];
        var e = new float[2];
        double loss = LossKernels.LogisticCrossEntropy(s, t, 2, 1, e, out int correct);
        Assert.Equal(Math.Log(2) - Math.Log(0.25), loss, 5);
        Assert.Equal(0, correct);
        Assert.Equal(0.5f, e[0], 5);
        Assert.Equal(-0.75f, e[1], 5);
    }

    [Fact]
    public void Squared_error_is_half_the_sum_of_squares()
    {
        var e = new float[3];
        double loss = LossKernels.SquaredError([1f, 2f, 3f], [0f, 2f, 5f], e);
        Assert.Equal(2.5, loss);
        Assert.Equal(new float[] { -1f, 0f, 2f }, e);
    }

    [Fact]
    public void Wrong_shapes_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => LossKernels.SoftmaxCrossEntropy(new float[3], new float[4], 2, 2, new float[4], out _));
    }
}

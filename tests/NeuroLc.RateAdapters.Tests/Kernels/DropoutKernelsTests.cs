using NeuroLc.RateAdapters.Kernels;

namespace NeuroLc.RateAdapters.Tests.Kernels;

[Trait("Category", "Kernels")]
public sealed class DropoutKernelsTests
{
    [Theory]
    [InlineData(0.0f)]
    [InlineData(0.2f)]
    [InlineData(0.5f)]
    public void Mask_keeps_about_one_minus_p_scaled_by_its_inverse(float p)
    {
        var mask = new float[20000];
        DropoutKernels.FillMask(mask, p, 42, 7, 0);
        float keep = 1f / (1f - p);
        Assert.All(mask, v => Assert.True(v == 0f || v == keep));
        double kept = mask.Count(v => v != 0f) / (double)mask.Length;
        Assert.InRange(kept, 1 - p - 0.02, 1 - p + 0.02);
        Assert.InRange(mask.Average(), 0.97, 1.03);
    }

    [Fact]
    public void Same_counters_give_the_same_mask_and_other_streams_differ()
    {
        var a = new float[257];
        var b = new float[257];
        var c = new float[257];
        DropoutKernels.FillMask(a, 0.5f, 1, 3, 0);
        DropoutKernels.FillMask(b, 0.5f, 1, 3, 0);
        DropoutKernels.FillMask(c, 0.5f, 1, 4, 0);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Probability_one_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DropoutKernels.FillMask(new float[4], 1f, 1, 1, 0));
    }
}

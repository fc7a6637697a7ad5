using System.Numerics.Tensors;
using NeuroLc.RateAdapters.Kernels;

namespace NeuroLc.RateAdapters.Tests.Kernels;

/// <summary>The divergence check's largest magnitude, against the library's on every length and special value.</summary>
[Trait("Category", "Kernels")]
public sealed class MagnitudeKernelsTests
{
    public static TheoryData<int> Lengths => new() { 1, 7, 16, 63, 64, 65, 127, 1000, 256_000 };

    [Theory]
    [MemberData(nameof(Lengths))]
    public void The_largest_magnitude_is_the_librarys_without_its_sign(int length)
    {
        var rng = new Random(length);
        float[] x = Enumerable.Range(0, length).Select(_ => (float)((rng.NextDouble() - 0.5) * 1e3)).ToArray();
        Assert.Equal(Math.Abs(TensorPrimitives.MaxMagnitude(x)), MagnitudeKernels.LargestMagnitude(x));

        // The largest magnitude negative, at the last element (the scalar tail) and at the first (a vector lane).
        foreach (int at in new[] { length - 1, 0 })
        {
            float[] y = (float[])x.Clone();
            y[at] = -5e8f;
            Assert.Equal(5e8f, MagnitudeKernels.LargestMagnitude(y));
        }
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void A_nan_anywhere_gives_nan_and_an_infinity_gives_infinity(int length)
    {
        var rng = new Random(length + 1);
        float[] x = Enumerable.Range(0, length).Select(_ => (float)rng.NextDouble()).ToArray();
        foreach (int at in new[] { 0, length / 2, length - 1 })
        {
            float[] y = (float[])x.Clone();
            y[at] = float.NegativeInfinity;
            Assert.Equal(float.PositiveInfinity, MagnitudeKernels.LargestMagnitude(y));
            y[(at + 1) % length] = float.NaN;
            Assert.True(float.IsNaN(MagnitudeKernels.LargestMagnitude(y)), $"NaN at {(at + 1) % length} of {length}");
        }
    }

    [Fact]
    public void Nothing_and_zeros_give_zero()
    {
        Assert.Equal(0f, MagnitudeKernels.LargestMagnitude([]));
        Assert.Equal(0f, MagnitudeKernels.LargestMagnitude(new float[100]));
        Assert.Equal(0f, MagnitudeKernels.LargestMagnitude([-0f, 0f]));
    }
}

using NeuroLc.RateAdapters.Training;

namespace NeuroLc.RateAdapters.Tests.Training;

/// <summary>
/// The inputs of a dataset (<c>DatasetArrays</c>): whatever pages the host gives a large array, it must be an
/// ordinary zeroed array of the asked length, and a dataset copied into one must hold the same examples.
/// </summary>
public sealed class DatasetArraysTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1000)]
    [InlineData(3_000_000)]
    public void An_input_array_is_zeroed_and_as_long_as_asked(long length)
    {
        float[] array = DatasetArrays.Floats(length);

        Assert.Equal(length, array.LongLength);
        Assert.True(array.All(v => BitConverter.SingleToInt32Bits(v) == 0));
        if (length > 0)
        {
            array[^1] = 2.5f;
            array[0] = -1f;
            Assert.Equal(2.5f, array[^1]);
        }
    }

    [Fact]
    public void A_selection_large_enough_for_huge_pages_holds_the_same_examples()
    {
        // 4,000 examples of 784 inputs (12.5 MB) take the huge-page path of Dataset.Select.
        const int count = 4000, width = 784;
        var rng = new Random(5);
        float[] inputs = Enumerable.Range(0, count * width).Select(_ => (float)rng.NextDouble()).ToArray();
        byte[] labels = Enumerable.Range(0, count).Select(i => (byte)(i % 10)).ToArray();
        Dataset data = Dataset.FromLabels("big", inputs, width, labels, 10);

        Dataset copy = data.Select(Enumerable.Range(0, count).Reverse().ToArray(), "reversed");

        Assert.Equal(inputs.AsSpan((count - 1) * width, width).ToArray(), copy.Inputs.AsSpan(0, width).ToArray());
        Assert.Equal(inputs.AsSpan(0, width).ToArray(), copy.Inputs.AsSpan((count - 1) * width, width).ToArray());
        Assert.Equal(labels[^1], copy.Labels![0]);
    }
}

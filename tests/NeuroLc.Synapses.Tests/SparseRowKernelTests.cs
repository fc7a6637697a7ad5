using NeuroLc.Synapses.Rules;

namespace NeuroLc.Synapses.Tests;

/// <summary>
/// The sparse-row kernels behind <see cref="SynapseBlock.Propagate"/> and <see cref="SynapseBlock.UpdateSeparable{TRule}"/>,
/// with 2-byte indices (pre population ≤ 65,536 cells) and 4-byte ones, at every row length 0–40 (all vector
/// widths and tails): they must give exactly the bits of the documented scalar order. Run the suite with
/// <c>DOTNET_EnableAVX2=0</c> too, to cover the scalar path.
/// </summary>
public sealed class SparseRowKernelTests
{
    private const int Rows = 41;

    [Theory]
    [InlineData(300, 2)]
    [InlineData(SynapseBlock.NarrowIndexLimit, 2)]
    [InlineData(SynapseBlock.NarrowIndexLimit + 1, 4)]
    public void PropagationSumsEachRowInTheFixedOrder(int preSize, int indexBytes)
    {
        (SynapseBlock block, float[] pre) = Block(preSize);
        Assert.False(block.IsDense);
        Assert.Equal(4 + indexBytes, block.BytesPerSynapse);

        var accumulator = new float[Rows];
        Array.Fill(accumulator, 0.25f);
        block.Propagate(pre, accumulator);
        for (int i = 0; i < Rows; i++)
        {
            // Four partial sums over k ≡ l (mod 4) of the complete groups, the rest into s0, (s0 + s1) + (s2 + s3).
            float[] s = new float[4];
            int start = block.RowStart[i];
            int length = block.RowStart[i + 1] - start;
            int groups = length / 4 * 4;
            for (int k = 0; k < length; k++)
            {
                int at = start + k;
                s[k < groups ? k % 4 : 0] += block.Weights[at] * pre[block.PreCell(at)];
            }

            Assert.Equal(0.25f + ((s[0] + s[1]) + (s[2] + s[3])), accumulator[i]);
        }
    }

    [Theory]
    [InlineData(300)]
    [InlineData(SynapseBlock.NarrowIndexLimit + 1)]
    public void SeparableUpdateAddsEachProductOnce(int preSize)
    {
        (SynapseBlock block, float[] pre) = Block(preSize);
        PostState[] post = Enumerable.Range(0, Rows)
            .Select(i => new PostState(0, 0, 1, 0.1f * i, MathF.Sin(i), 0, MathF.Cos(i), false, 0)).ToArray();
        float[] before = (float[])block.Weights.Clone();
        block.UpdateSeparable(default(ExplicitErrorRule), pre, post, 0.3f, Phase.Clamped, block.Weights);
        for (int i = 0; i < Rows; i++)
        {
            float a = 0.3f * post[i].R;
            for (int k = block.RowStart[i]; k < block.RowStart[i + 1]; k++)
            {
                Assert.Equal(before[k] + (a * pre[block.PreCell(k)]), block.Weights[k]);
            }
        }

        // The per-synapse view path reads the same indices.
        (SynapseBlock viewBlock, _) = Block(preSize);
        viewBlock.Update(default(ExplicitErrorRule), pre, post, 0.3f, Phase.Clamped, viewBlock.Weights);
        Assert.Equal(block.Weights, viewBlock.Weights);
    }

    [Fact]
    public void DescriptionsNameThePreCellOfEveryIndexWidth()
    {
        (SynapseBlock narrow, _) = Block(300);
        (SynapseBlock wide, _) = Block(SynapseBlock.NarrowIndexLimit + 1);
        int k = narrow.RowStart[5];
        Assert.Equal($"s[{k}] (p[{narrow.PreCell(k)}] -> q[5])", narrow.DescribeSynapse(k));
        Assert.Contains($"(p[{wide.PreCell(k)}] -> q[5])", wide.DescribeSynapse(k));
        Assert.Equal(SynapseBlock.NarrowIndexLimit, wide.PreCell(wide.RowStart[Rows] - 1));
    }

    [Fact]
    public void DecreasingRowStartsAreRejected()
    {
        ArgumentException e = Assert.Throws<ArgumentException>(
            () => new SynapseBlock("s", "p", "q", 4, 3, [0, 3, 1, 4], [0, 1, 2, 3], [0.1f, 0.2f, 0.3f, 0.4f], 1));
        Assert.Contains("'s'", e.Message);
        Assert.Contains("RowStart[2] = 1", e.Message);
    }

    /// <summary>Row i has i synapses from scattered pre cells (the last one of the last row is the highest cell),
    /// seeded weights and pre outputs.</summary>
    private static (SynapseBlock Block, float[] Pre) Block(int preSize)
    {
        var rowStart = new int[Rows + 1];
        var index = new List<int>();
        var rng = new Random(5);
        for (int i = 0; i < Rows; i++)
        {
            for (int k = 0; k < i; k++)
            {
                index.Add(rng.Next(preSize));
            }

            rowStart[i + 1] = index.Count;
        }

        index[^1] = preSize - 1;
        float[] weights = index.Select(_ => (float)(rng.NextDouble() - 0.5)).ToArray();
        float[] pre = Enumerable.Range(0, preSize).Select(j => MathF.Sin(j * 0.37f)).ToArray();
        return (new SynapseBlock("s", "p", "q", preSize, Rows, rowStart, [.. index], weights, 1), pre);
    }
}

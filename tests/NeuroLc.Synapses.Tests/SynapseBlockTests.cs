using NeuroLc.Synapses;
using NeuroLc.Synapses.Rules;

namespace NeuroLc.Synapses.Tests;

public sealed class SynapseBlockTests
{
    /// <summary>The same 7×37 weights stored densely and as CSR rows in reverse pre order (so the dense fast path
    /// is not taken) propagate and learn the same.</summary>
    [Fact]
    public void DensePathEqualsCsrPath()
    {
        const int pre = 37;
        const int post = 7;
        var rowStart = new int[post + 1];
        var denseIndex = new int[pre * post];
        var reverseIndex = new int[pre * post];
        var denseW = new float[pre * post];
        var reverseW = new float[pre * post];
        for (int i = 0; i < post; i++)
        {
            rowStart[i + 1] = (i + 1) * pre;
            for (int j = 0; j < pre; j++)
            {
                float w = MathF.Sin((i * 31) + j);
                denseIndex[(i * pre) + j] = j;
                denseW[(i * pre) + j] = w;
                reverseIndex[(i * pre) + pre - 1 - j] = j;
                reverseW[(i * pre) + pre - 1 - j] = w;
            }
        }

        var dense = new SynapseBlock("d", "a", "b", pre, post, rowStart, denseIndex, denseW, 1);
        var csr = new SynapseBlock("c", "a", "b", pre, post, (int[])rowStart.Clone(), reverseIndex, reverseW, 1);
        Assert.True(dense.IsDense);
        Assert.False(csr.IsDense);

        float[] o = Enumerable.Range(0, pre).Select(j => MathF.Cos(j)).ToArray();
        var a = new float[post];
        var b = new float[post];
        dense.Propagate(o, a);
        csr.Propagate(o, b);
        for (int i = 0; i < post; i++)
        {
            Assert.Equal(a[i], b[i], 1e-4);
        }

        PostState[] states = Enumerable.Range(0, post).Select(i => new PostState(0, 0.1f * i, 1, 0.2f, 0.3f + (0.1f * i), 0, 0, false, 0)).ToArray();
        dense.Update(default(StdpRule), o, states, 0.5f, Phase.Clamped, dense.Weights);
        csr.Update(default(StdpRule), o, states, 0.5f, Phase.Clamped, csr.Weights);
        for (int i = 0; i < post; i++)
        {
            for (int j = 0; j < pre; j++)
            {
                float expected = MathF.Sin((i * 31) + j) + (0.5f * (0.1f + (0.1f * i)) * o[j]);
                Assert.Equal(expected, dense.Weights[(i * pre) + j], 1e-6);
                Assert.Equal(expected, csr.Weights[(i * pre) + pre - 1 - j], 1e-6);
            }
        }
    }

    [Fact]
    public void SeparableKernelEqualsPerSynapseViewForEveryBuiltInRule()
    {
        AssertSeparableEqualsGeneric(default(StdpRule));
        AssertSeparableEqualsGeneric(default(HebbianRule));
        AssertSeparableEqualsGeneric(default(LearningChannelRule));
        AssertSeparableEqualsGeneric(default(ExplicitErrorRule));
    }

    private static void AssertSeparableEqualsGeneric<TRule>(TRule rule)
        where TRule : struct, ISeparableRule
    {
        foreach (double density in new[] { 1.0, 0.3 })
        {
            const int pre = 41;
            const int post = 9;
            var rowStart = new List<int> { 0 };
            var index = new List<int>();
            for (int i = 0; i < post; i++)
            {
                for (int j = 0; j < pre; j++)
                {
                    if (density == 1.0 || ((i * 7) + (j * 13)) % 10 < 3)
                    {
                        index.Add(j);
                    }
                }

                rowStart.Add(index.Count);
            }

            float[] weights = index.Select((_, k) => MathF.Sin(k)).ToArray();
            var a = new SynapseBlock("a", "p", "q", pre, post, [.. rowStart], [.. index], (float[])weights.Clone(), 1);
            var b = new SynapseBlock("b", "p", "q", pre, post, [.. rowStart], [.. index], (float[])weights.Clone(), 1);
            Assert.Equal(density == 1.0, a.IsDense);
            float[] o = Enumerable.Range(0, pre).Select(j => MathF.Cos(j)).ToArray();
            PostState[] states = Enumerable.Range(0, post)
                .Select(i => new PostState(0.1f * i, 0.2f, 0.5f + (0.05f * i), 0.3f, 0.1f * i, 0.7f - (0.1f * i), 0.2f - (0.03f * i), false, 0))
                .ToArray();
            a.UpdateSeparable(rule, o, states, 0.3f, Phase.Clamped, a.Weights);
            b.Update(rule, o, states, 0.3f, Phase.Clamped, b.Weights);
            for (int k = 0; k < weights.Length; k++)
            {
                Assert.Equal(b.Weights[k], a.Weights[k], 1e-6);
            }

            Assert.NotEqual(weights, a.Weights);
        }
    }

    [Fact]
    public void ShortSpansAreRejected()
    {
        var block = new SynapseBlock("x", "a", "b", 2, 1, [0, 2], [0, 1], [0.1f, 0.2f], 1);
        Assert.Throws<ArgumentException>(() => block.Propagate([1f], new float[1]));
        Assert.Throws<ArgumentException>(() => block.Update(default(StdpRule), [1f, 1f], [default], 0.1f, Phase.Clamped, new float[1]));
        Assert.True(block.IsDense);
        Assert.Equal(4, block.BytesPerSynapse);
    }
}

using NeuroLc.Neurons;

namespace NeuroLc.Channels.Graph;

/// <summary>
/// Turns a <see cref="WeightInit"/> into concrete synapses. Pair (post i, pre j) has key i·preSize + j;
/// it is connected when Uniform(seed, key, 0) &lt; density and its weight is drawn from stream 1 of the same
/// key, so the result does not depend on which engine asks or in what order.
/// </summary>
public static class WeightMaterializer
{
    /// <summary>Materialises <paramref name="init"/> for a projection of <paramref name="preSize"/> →
    /// <paramref name="postSize"/> cells.</summary>
    public static SynapseLayout Materialize(WeightInit init, int preSize, int postSize)
    {
        ArgumentNullException.ThrowIfNull(init);
        var rowStart = new int[postSize + 1];
        var preIndex = new List<int>();
        var weights = new List<float>();
        double glorotUniform = Math.Sqrt(6.0 / (preSize + postSize));
        double glorotStd = Math.Sqrt(2.0 / (preSize + postSize));
        for (int post = 0; post < postSize; post++)
        {
            rowStart[post] = weights.Count;
            for (int pre = 0; pre < preSize; pre++)
            {
                ulong key = ((ulong)post * (ulong)preSize) + (ulong)pre;
                if (init.Density < 1.0 && CounterRng.UniformDouble(init.Seed, key, 0) >= init.Density)
                {
                    continue;
                }

                preIndex.Add(pre);
                weights.Add(Draw(init, key, post, pre, glorotUniform, glorotStd));
            }
        }

        rowStart[postSize] = weights.Count;
        return new SynapseLayout(preSize, postSize, rowStart, preIndex.ToArray(), weights.ToArray());
    }

    private static float Draw(WeightInit init, ulong key, int post, int pre, double glorotUniform, double glorotStd)
    {
        double symmetric = (2.0 * CounterRng.UniformDouble(init.Seed, key, 1)) - 1.0;
        return init.Kind switch
        {
            WeightInitKind.Constant => (float)init.Scale,
            WeightInitKind.Uniform => (float)(init.Scale * symmetric),
            WeightInitKind.Normal => (float)(init.Scale * CounterRng.Normal(init.Seed, key, 1)),
            WeightInitKind.GlorotUniform => (float)(glorotUniform * symmetric),
            WeightInitKind.GlorotNormal => (float)(glorotStd * CounterRng.Normal(init.Seed, key, 1)),
            WeightInitKind.Explicit => init.Matrix![post, pre],
            _ => throw new ArgumentOutOfRangeException(nameof(init), init.Kind, "unknown weight initializer"),
        };
    }
}

using NeuroLc.Neurons;

namespace NeuroLc.Simulator.Training;

/// <summary>Generated tasks that need no download.</summary>
public static class SyntheticTasks
{
    /// <summary>XOR on {0, 1}², target 1 when exactly one input is 1.</summary>
    public static Dataset Xor() => new(
        [[0f, 0f], [0f, 1f], [1f, 0f], [1f, 1f]],
        [[0f], [1f], [1f], [0f]]);

    /// <summary>
    /// The task f_k of Bianchini et al. (DESIGN.md section 6): f_k = g∘t^k with g(x) = sign(1 − ‖x‖²) and
    /// t(x) = [1 − 2x₁², 1 − 2x₂²], inputs uniform on [−1, 1]²; the target is 1 where g &gt; 0, else 0.
    /// Example n of a given seed is always the same point.
    /// </summary>
    public static Dataset F(int k, int count, ulong seed)
    {
        if (k < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, "f_k needs k ≥ 0");
        }

        if (count < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "need at least one example");
        }

        var inputs = new float[count][];
        var targets = new float[count][];
        for (int n = 0; n < count; n++)
        {
            double x1 = (2.0 * CounterRng.UniformDouble(seed, (ulong)n, 0)) - 1.0;
            double x2 = (2.0 * CounterRng.UniformDouble(seed, (ulong)n, 1)) - 1.0;
            inputs[n] = [(float)x1, (float)x2];
            targets[n] = [Label(k, x1, x2)];
        }

        return new Dataset(inputs, targets);
    }

    /// <summary>The label of f_k at (x1, x2): 1 where 1 − ‖t^k(x)‖² &gt; 0, else 0.</summary>
    public static float Label(int k, double x1, double x2)
    {
        for (int i = 0; i < k; i++)
        {
            (x1, x2) = (1.0 - (2.0 * x1 * x1), 1.0 - (2.0 * x2 * x2));
        }

        return 1.0 - ((x1 * x1) + (x2 * x2)) > 0.0 ? 1f : 0f;
    }
}

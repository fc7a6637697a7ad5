using NeuroLc.RateAdapters.Kernels;
using NeuroLc.RateAdapters.Training;

namespace NeuroLc.RateAdapters.Data;

/// <summary>
/// Bianchini et al.'s f_k family (Figure 12): inputs uniform on [−1, 1]², f_k = g∘t^k with g(x) = sign(1 − ‖x‖²) and
/// t(x) = [1 − 2x₁², 1 − 2x₂²]; label 1 where g &gt; 0. Each application of t doubles the number of regions, so
/// f_k needs deeper networks as k grows.
/// </summary>
public static class SyntheticFk
{
    /// <summary>f_k(x) as the class label (1 inside, 0 outside).</summary>
    public static byte Label(int k, double x1, double x2)
    {
        for (int i = 0; i < k; i++)
        {
            (x1, x2) = (1 - (2 * x1 * x1), 1 - (2 * x2 * x2));
        }

        return 1 - ((x1 * x1) + (x2 * x2)) > 0 ? (byte)1 : (byte)0;
    }

    /// <summary><paramref name="count"/> examples with one logistic target, drawn from <paramref name="seed"/>.</summary>
    public static Dataset Generate(int k, int count, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var rng = new Xoshiro256(seed, (ulong)k);
        var inputs = new float[count * 2];
        var labels = new byte[count];
        for (int i = 0; i < count; i++)
        {
            float x1 = (float)((2 * rng.NextDouble()) - 1);
            float x2 = (float)((2 * rng.NextDouble()) - 1);
            inputs[2 * i] = x1;
            inputs[(2 * i) + 1] = x2;
            labels[i] = Label(k, x1, x2);
        }

        return Dataset.FromLabels($"f{k}", inputs, 2, labels, 2, binarySingleOutput: true);
    }
}

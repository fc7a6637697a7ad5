using System.Numerics.Tensors;

namespace NeuroLc.RateAdapters.Kernels;

/// <summary>Inverted dropout: kept units are scaled by 1/(1 − p) in training, nothing is dropped at evaluation.</summary>
public static class DropoutKernels
{
    /// <summary>
    /// mask[i] = 1/(1 − p) where u_i ≥ p, else 0, with u_i = <see cref="CounterRng.Uniform"/>(seed, stream, first + i):
    /// the same (seed, stream, counter) always gives the same mask.
    /// </summary>
    public static void FillMask(Span<float> mask, float p, ulong seed, ulong stream, ulong first)
    {
        if (!(p >= 0f && p < 1f))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "Dropout probability must be in [0, 1).");
        }

        float keep = 1f / (1f - p);
        for (int i = 0; i < mask.Length; i++)
        {
            mask[i] = CounterRng.Uniform(seed, stream, first + (ulong)i) >= p ? keep : 0f;
        }
    }

    /// <summary>x ← x ⊙ mask.</summary>
    public static void Apply(Span<float> x, ReadOnlySpan<float> mask) => TensorPrimitives.Multiply(x, mask[..x.Length], x);
}

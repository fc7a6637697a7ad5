using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using NeuroLc.RateAdapters.Training;

namespace NeuroLc.RateAdapters.Kernels;

/// <summary>Fused per-layer element-wise passes: bias + transfer function, and derivative products.</summary>
public static class ActivationKernels
{
    /// <summary>
    /// For each of <paramref name="rows"/> rows: S ← S + b, O ← f(S) (S^h = W^h O^{h−1} + b^h, O^h = f(S^h)).
    /// <paramref name="output"/> may alias <paramref name="preActivation"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void BiasActivation(Span<float> preActivation, ReadOnlySpan<float> bias, int rows, Activation f, Span<float> output)
    {
        int cols = bias.Length;
        if (preActivation.Length < rows * cols || output.Length < rows * cols)
        {
            throw new ArgumentException($"Buffers hold {preActivation.Length} and {output.Length} floats; {rows}×{cols} needed.");
        }

        // One transfer-function call over the whole block: per-row calls on 100-wide rows cost several times more.
        for (int r = 0; r < rows; r++)
        {
            AddInPlace(preActivation.Slice(r * cols, cols), bias);
        }

        Apply(f, preActivation[..(rows * cols)], output[..(rows * cols)]);
    }

    /// <summary>destination ← f(x) element-wise.</summary>
    public static void Apply(Activation f, ReadOnlySpan<float> x, Span<float> destination)
    {
        if (x.IsEmpty)
        {
            return;
        }

        switch (f)
        {
            case Activation.Identity:
                if (!x.Overlaps(destination, out int offset) || offset != 0)
                {
                    x.CopyTo(destination);
                }

                break;
            case Activation.Tanh:
                UnaryDriver.Apply<TanhOperator>(x, destination);
                break;
            case Activation.Logistic:
                UnaryDriver.Apply<LogisticOperator>(x, destination);
                break;
            case Activation.Relu:
                TensorPrimitives.Max(x, 0f, destination);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(f), f, "Unknown activation.");
        }
    }

    /// <summary>
    /// destination ← f′(S) ⊙ z with f′ computed from the layer's output O = f(S): tanh 1 − O², logistic O(1 − O),
    /// ReLU [O &gt; 0], identity 1 (the R^h = f′(S^h) ⊙ feedback step of eqs. 7, 10, 11).
    /// </summary>
    public static void DerivativeProduct(Activation f, ReadOnlySpan<float> output, ReadOnlySpan<float> z, Span<float> destination)
    {
        switch (f)
        {
            case Activation.Identity:
                if (!z.Overlaps(destination, out int offset) || offset != 0)
                {
                    z.CopyTo(destination);
                }

                break;
            case Activation.Tanh:
                BinaryDriver.Apply<TanhDerivativeProduct>(output, z, destination);
                break;
            case Activation.Logistic:
                BinaryDriver.Apply<LogisticDerivativeProduct>(output, z, destination);
                break;
            case Activation.Relu:
                BinaryDriver.Apply<ReluDerivativeProduct>(output, z, destination);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(f), f, "Unknown activation.");
        }
    }

    /// <summary>x ← x + y for short rows, without the per-call overhead of the general library routine.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AddInPlace(Span<float> x, ReadOnlySpan<float> y)
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= x.Length - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                (Vector256.Create(x.Slice(i, Vector256<float>.Count)) + Vector256.Create(y.Slice(i, Vector256<float>.Count)))
                    .CopyTo(x.Slice(i, Vector256<float>.Count));
            }
        }

        for (; i < x.Length; i++)
        {
            x[i] += y[i];
        }
    }

    /// <summary>Column sums of a rows×cols matrix added in row order: sums[j] ← Σ_r x[r, j] (bias gradients).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ColumnSums(ReadOnlySpan<float> x, int rows, Span<float> sums)
    {
        int cols = sums.Length;
        sums.Clear();
        for (int r = 0; r < rows; r++)
        {
            AddInPlace(sums, x.Slice(r * cols, cols));
        }
    }
}

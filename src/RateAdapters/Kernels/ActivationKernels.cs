using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using NeuroLc.RateAdapters.Training;

namespace NeuroLc.RateAdapters.Kernels;

/// <summary>Fused per-layer element-wise passes: bias + transfer function, and derivative products.</summary>
public static unsafe class ActivationKernels
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
        if (Avx512F.IsSupported && cols > 0)
        {
            fixed (float* s = preActivation, b = bias)
            {
                AddRowToEveryRow512(s, rows, cols, b);
            }
        }
        else
        {
            for (int r = 0; r < rows; r++)
            {
                AddInPlace(preActivation.Slice(r * cols, cols), bias);
            }
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
        if (x.Length < rows * cols)
        {
            throw new ArgumentException($"The matrix holds {x.Length} floats; {rows}×{cols} needed.", nameof(x));
        }

        if (Avx512F.IsSupported && cols > 0)
        {
            fixed (float* px = x, ps = sums)
            {
                ColumnSums512(px, rows, cols, ps);
            }

            return;
        }

        sums.Clear();
        for (int r = 0; r < rows; r++)
        {
            AddInPlace(sums, x.Slice(r * cols, cols));
        }
    }

    /// <summary>
    /// Column sums with eight 16-column sums held in registers while the rows go by (each still the sum from +0 in row
    /// order, as the row-by-row loop adds them): the row-by-row loop re-read and re-wrote the sums for every row, one
    /// call per row (bias gradients: 2.4 % of a Figure 7 step with the bias additions below, sampled).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ColumnSums512(float* x, int rows, int cols, float* sums)
    {
        for (int j0 = 0; j0 < cols; j0 += 128)
        {
            float* column = x + j0;
            int left = cols - j0;
            Vector512<float> m0 = Lanes(left), m1 = Lanes(left - 16), m2 = Lanes(left - 32), m3 = Lanes(left - 48);
            Vector512<float> m4 = Lanes(left - 64), m5 = Lanes(left - 80), m6 = Lanes(left - 96), m7 = Lanes(left - 112);
            Vector512<float> s0 = default, s1 = default, s2 = default, s3 = default;
            Vector512<float> s4 = default, s5 = default, s6 = default, s7 = default;
            for (int r = 0; r < rows; r++, column += cols)
            {
                s0 += Avx512F.MaskLoad(column, m0, Vector512<float>.Zero);
                s1 += Avx512F.MaskLoad(column + 16, m1, Vector512<float>.Zero);
                s2 += Avx512F.MaskLoad(column + 32, m2, Vector512<float>.Zero);
                s3 += Avx512F.MaskLoad(column + 48, m3, Vector512<float>.Zero);
                s4 += Avx512F.MaskLoad(column + 64, m4, Vector512<float>.Zero);
                s5 += Avx512F.MaskLoad(column + 80, m5, Vector512<float>.Zero);
                s6 += Avx512F.MaskLoad(column + 96, m6, Vector512<float>.Zero);
                s7 += Avx512F.MaskLoad(column + 112, m7, Vector512<float>.Zero);
            }

            float* target = sums + j0;
            Avx512F.MaskStore(target, m0, s0);
            Avx512F.MaskStore(target + 16, m1, s1);
            Avx512F.MaskStore(target + 32, m2, s2);
            Avx512F.MaskStore(target + 48, m3, s3);
            Avx512F.MaskStore(target + 64, m4, s4);
            Avx512F.MaskStore(target + 80, m5, s5);
            Avx512F.MaskStore(target + 96, m6, s6);
            Avx512F.MaskStore(target + 112, m7, s7);
        }
    }

    /// <summary>S[r, ·] ← S[r, ·] + b for every row, one addition per element, with masked vectors for a ragged end.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AddRowToEveryRow512(float* s, int rows, int cols, float* b)
    {
        int whole = cols & ~15;
        Vector512<float> tail = Lanes(cols - whole);
        Vector512<float> bTail = Avx512F.MaskLoad(b + whole, tail, Vector512<float>.Zero);
        for (int r = 0; r < rows; r++, s += cols)
        {
            int j = 0;
            for (; j < whole; j += 16)
            {
                (Vector512.Load(s + j) + Vector512.Load(b + j)).Store(s + j);
            }

            if (j < cols)
            {
                Avx512F.MaskStore(s + j, tail, Avx512F.MaskLoad(s + j, tail, Vector512<float>.Zero) + bTail);
            }
        }
    }

    /// <summary>A mask of the first <paramref name="count"/> lanes (none when count ≤ 0, all when ≥ 16).</summary>
    private static Vector512<float> Lanes(int count) =>
        Vector512.LessThan(Vector512<int>.Indices, Vector512.Create(count)).AsSingle();
}

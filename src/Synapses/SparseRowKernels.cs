using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NeuroLc.Synapses;

/// <summary>
/// The two per-synapse loops over the rows of a sparse (CSR) block, whose pre-cell indices are stored as
/// <see cref="ushort"/> (pre population of at most 65,536 cells: 2 bytes per synapse) or <see cref="int"/>: the
/// gathered dot product of propagation (eq. 2) and the gathered multiply-add of a separable plasticity update
/// (Δw = a(post) · O_pre). The vector path gathers four (or eight) pre outputs into a vector and multiplies and adds
/// them at once; it does the scalar path's arithmetic operation for operation — every product is rounded, then
/// added in the same order, never fused — so both give the same bits. One call covers the whole block, so the
/// arrays are pinned once and a row costs no call.
/// </summary>
internal static class SparseRowKernels
{
    /// <summary>
    /// accumulator[i] += Σ_k w_k · pre[index_k] over the synapses k of row i, summed in a fixed order: four partial
    /// sums, s_l over the synapses k ≡ l (mod 4) of every complete group of four from the row start, the last 0–3
    /// synapses added to s_0, then (s_0 + s_1) + (s_2 + s_3). The four sums break the floating-point add latency
    /// chain; the fixed order keeps the result deterministic.
    /// </summary>
    public static unsafe void Propagate<TIndex>(ReadOnlySpan<int> rowStart, ReadOnlySpan<float> w, ReadOnlySpan<TIndex> index,
        ReadOnlySpan<float> pre, Span<float> accumulator)
        where TIndex : unmanaged
    {
        Require(rowStart, w.Length, index.Length, accumulator.Length);
        fixed (int* rs = rowStart)
        fixed (float* wp = w)
        fixed (TIndex* ip = index)
        fixed (float* pp = pre)
        fixed (float* ap = accumulator)
        {
            int rows = rowStart.Length - 1;
            for (int i = 0; i < rows; i++)
            {
                nint start = rs[i];
                nint n = rs[i + 1] - rs[i];
                ap[i] += Vector128.IsHardwareAccelerated
                    ? DotVector(wp + start, ip + start, pp, n)
                    : DotScalar(wp + start, ip + start, pp, n);
            }
        }
    }

    /// <summary>destination[k] += a_i · pre[index_k] for every synapse k of every row i (product rounded, then added),
    /// a_i = <c>rule.PostFactor(post[i], η, phase)</c> computed once per row.</summary>
    public static unsafe void MultiplyAdd<TRule, TIndex>(TRule rule, ReadOnlySpan<PostState> post, float eta, Phase phase,
        ReadOnlySpan<int> rowStart, ReadOnlySpan<TIndex> index, ReadOnlySpan<float> pre, Span<float> destination)
        where TRule : struct, ISeparableRule
        where TIndex : unmanaged
    {
        Require(rowStart, destination.Length, index.Length, post.Length);
        fixed (int* rs = rowStart)
        fixed (TIndex* ip = index)
        fixed (float* pp = pre)
        fixed (float* dp = destination)
        {
            int rows = rowStart.Length - 1;
            for (int i = 0; i < rows; i++)
            {
                float a = rule.PostFactor(in post[i], eta, phase);
                nint start = rs[i];
                nint n = rs[i + 1] - rs[i];
                if (Vector128.IsHardwareAccelerated)
                {
                    MultiplyAddVector(a, ip + start, pp, dp + start, n);
                }
                else
                {
                    MultiplyAddScalar(a, ip + start, pp, dp + start, n);
                }
            }
        }
    }

    /// <summary>Index k, zero-extended (indices are validated non-negative); the type test is a JIT-time
    /// constant, so each instantiation keeps one load.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe nuint At<TIndex>(TIndex* index, nint k)
        where TIndex : unmanaged
        => typeof(TIndex) == typeof(ushort) ? ((ushort*)index)[k] : (uint)((int*)index)[k];

    // The block validated every index against the pre population and the row starts against the arrays (checked
    // again in Require), so the loads below stay inside `pre` and inside their rows.
    private static void Require(ReadOnlySpan<int> rowStart, int synapses, int indices, int rows)
    {
        if (rowStart.Length < 1 || rowStart[^1] > synapses || rowStart[^1] > indices || rowStart.Length - 1 > rows)
        {
            throw new ArgumentException("sparse rows do not fit their arrays", nameof(rowStart));
        }
    }

    // The row loops walk the row with pointers (constant offsets within a group, no index arithmetic per synapse).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe float DotScalar<TIndex>(float* w, TIndex* index, float* pre, nint n)
        where TIndex : unmanaged
    {
        float s0 = 0f, s1 = 0f, s2 = 0f, s3 = 0f;
        for (; n >= 4; n -= 4, w += 4, index += 4)
        {
            s0 += w[0] * pre[At(index, 0)];
            s1 += w[1] * pre[At(index, 1)];
            s2 += w[2] * pre[At(index, 2)];
            s3 += w[3] * pre[At(index, 3)];
        }

        for (nint k = 0; k < n; k++)
        {
            s0 += w[k] * pre[At(index, k)];
        }

        return (s0 + s1) + (s2 + s3);
    }

    // Hardware gathers are not used: on the reference machine (Cascade Lake under KVM) vgatherdps ran at half the
    // speed of scalar loads; assembling the vector from scalar loads needs no gather unit and still turns four
    // multiplies and adds (and the loads and stores of the destination) into one each.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe float DotVector<TIndex>(float* w, TIndex* index, float* pre, nint n)
        where TIndex : unmanaged
    {
        // Lane l of acc is the partial sum s_l.
        Vector128<float> acc = Vector128<float>.Zero;
        for (; n >= 4; n -= 4, w += 4, index += 4)
        {
            acc += Vector128.Load(w) * Gather4(pre, index);
        }

        float s0 = acc.GetElement(0);
        for (nint k = 0; k < n; k++)
        {
            s0 += w[k] * pre[At(index, k)];
        }

        return (s0 + acc.GetElement(1)) + (acc.GetElement(2) + acc.GetElement(3));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void MultiplyAddScalar<TIndex>(float a, TIndex* index, float* pre, float* destination, nint n)
        where TIndex : unmanaged
    {
        for (nint k = 0; k < n; k++)
        {
            destination[k] += a * pre[At(index, k)];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void MultiplyAddVector<TIndex>(float a, TIndex* index, float* pre, float* destination, nint n)
        where TIndex : unmanaged
    {
        if (Vector256.IsHardwareAccelerated)
        {
            Vector256<float> factor8 = Vector256.Create(a);
            for (; n >= 8; n -= 8, index += 8, destination += 8)
            {
                Vector256<float> gathered = Vector256.Create(Gather4(pre, index), Gather4(pre, index + 4));
                (Vector256.Load(destination) + (factor8 * gathered)).Store(destination);
            }
        }

        Vector128<float> factor = Vector128.Create(a);
        for (; n >= 4; n -= 4, index += 4, destination += 4)
        {
            (Vector128.Load(destination) + (factor * Gather4(pre, index))).Store(destination);
        }

        for (nint k = 0; k < n; k++)
        {
            destination[k] += a * pre[At(index, k)];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe Vector128<float> Gather4<TIndex>(float* pre, TIndex* index)
        where TIndex : unmanaged
        => Vector128.Create(pre[At(index, 0)], pre[At(index, 1)], pre[At(index, 2)], pre[At(index, 3)]);
}

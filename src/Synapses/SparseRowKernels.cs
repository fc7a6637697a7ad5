using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NeuroLc.Synapses;

/// <summary>
/// The two per-synapse loops over one sparse (CSR) row, whose pre-cell indices are stored as <see cref="ushort"/>
/// (pre population of at most 65,536 cells: 2 bytes per synapse) or <see cref="int"/>: the gathered dot product
/// of propagation (eq. 2) and the gathered multiply-add of a separable plasticity update (Δw = a · O_pre). The
/// vector path gathers four (or eight) pre outputs into a vector and multiplies and adds them at once; it does the
/// scalar path's arithmetic operation for operation — every product is rounded, then added in the same order,
/// never fused — so both give the same bits.
/// </summary>
internal static class SparseRowKernels
{
    /// <summary>
    /// Σ_k w_k · pre[index_k] over one row in a fixed order: four partial sums, s_l over the synapses
    /// k ≡ l (mod 4) of every complete group of four, the last 0–3 synapses added to s_0, then (s_0 + s_1) + (s_2 + s_3).
    /// The four sums break the floating-point add latency chain; the fixed order keeps the result deterministic.
    /// </summary>
    public static float Dot<TIndex>(ReadOnlySpan<float> w, ReadOnlySpan<TIndex> index, ReadOnlySpan<float> pre)
        where TIndex : unmanaged
        => Vector128.IsHardwareAccelerated ? DotVector(w, index, pre) : DotScalar(w, index, pre);

    /// <summary>destination[k] += a · pre[index_k] for every synapse k of one row (product rounded, then added).</summary>
    public static void MultiplyAdd<TIndex>(float a, ReadOnlySpan<TIndex> index, ReadOnlySpan<float> pre, Span<float> destination)
        where TIndex : unmanaged
    {
        if (Vector128.IsHardwareAccelerated)
        {
            MultiplyAddVector(a, index, pre, destination);
        }
        else
        {
            MultiplyAddScalar(a, index, pre, destination);
        }
    }

    /// <summary>The scalar reference of <see cref="Dot{TIndex}"/> (also the path without SIMD).</summary>
    public static unsafe float DotScalar<TIndex>(ReadOnlySpan<float> w, ReadOnlySpan<TIndex> index, ReadOnlySpan<float> pre)
        where TIndex : unmanaged
    {
        fixed (float* wp = w)
        fixed (TIndex* ip = index)
        fixed (float* pp = pre)
        {
            float s0 = 0f, s1 = 0f, s2 = 0f, s3 = 0f;
            int n = w.Length;
            int k = 0;
            for (; k + 3 < n; k += 4)
            {
                s0 += wp[k] * pp[At(ip, k)];
                s1 += wp[k + 1] * pp[At(ip, k + 1)];
                s2 += wp[k + 2] * pp[At(ip, k + 2)];
                s3 += wp[k + 3] * pp[At(ip, k + 3)];
            }

            for (; k < n; k++)
            {
                s0 += wp[k] * pp[At(ip, k)];
            }

            return (s0 + s1) + (s2 + s3);
        }
    }

    /// <summary>The scalar reference of <see cref="MultiplyAdd{TIndex}"/> (also the path without SIMD).</summary>
    public static unsafe void MultiplyAddScalar<TIndex>(float a, ReadOnlySpan<TIndex> index, ReadOnlySpan<float> pre, Span<float> destination)
        where TIndex : unmanaged
    {
        fixed (TIndex* ip = index)
        fixed (float* pp = pre)
        fixed (float* dp = destination)
        {
            for (int k = 0; k < index.Length; k++)
            {
                dp[k] += a * pp[At(ip, k)];
            }
        }
    }

    /// <summary>Index k as an int; the type test is a JIT-time constant, so each instantiation keeps one load.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe int At<TIndex>(TIndex* index, int k)
        where TIndex : unmanaged
        => typeof(TIndex) == typeof(ushort) ? ((ushort*)index)[k] : ((int*)index)[k];

    // Callers validated every index against the pre population and the lengths of the spans, so the loads stay
    // inside `pre` and inside their rows. Hardware gathers are not used: on the reference machine (Cascade Lake
    // under KVM) vgatherdps ran at half the speed of scalar loads; assembling the vector from scalar loads needs
    // no gather unit and still turns four multiplies, adds (and loads and stores of the destination) into one.
    private static unsafe float DotVector<TIndex>(ReadOnlySpan<float> w, ReadOnlySpan<TIndex> index, ReadOnlySpan<float> pre)
        where TIndex : unmanaged
    {
        fixed (float* wp = w)
        fixed (TIndex* ip = index)
        fixed (float* pp = pre)
        {
            // Lane l of acc is the partial sum s_l.
            Vector128<float> acc = Vector128<float>.Zero;
            int n = w.Length;
            int k = 0;
            for (; k + 3 < n; k += 4)
            {
                Vector128<float> gathered = Vector128.Create(pp[At(ip, k)], pp[At(ip, k + 1)], pp[At(ip, k + 2)], pp[At(ip, k + 3)]);
                acc += Vector128.Load(wp + k) * gathered;
            }

            float s0 = acc.GetElement(0);
            for (; k < n; k++)
            {
                s0 += wp[k] * pp[At(ip, k)];
            }

            return (s0 + acc.GetElement(1)) + (acc.GetElement(2) + acc.GetElement(3));
        }
    }

    private static unsafe void MultiplyAddVector<TIndex>(float a, ReadOnlySpan<TIndex> index, ReadOnlySpan<float> pre, Span<float> destination)
        where TIndex : unmanaged
    {
        fixed (TIndex* ip = index)
        fixed (float* pp = pre)
        fixed (float* dp = destination)
        {
            int n = index.Length;
            int k = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                Vector256<float> factor8 = Vector256.Create(a);
                for (; k + 7 < n; k += 8)
                {
                    Vector256<float> gathered = Vector256.Create(
                        pp[At(ip, k)], pp[At(ip, k + 1)], pp[At(ip, k + 2)], pp[At(ip, k + 3)],
                        pp[At(ip, k + 4)], pp[At(ip, k + 5)], pp[At(ip, k + 6)], pp[At(ip, k + 7)]);
                    (Vector256.Load(dp + k) + (factor8 * gathered)).Store(dp + k);
                }
            }

            Vector128<float> factor = Vector128.Create(a);
            for (; k + 3 < n; k += 4)
            {
                Vector128<float> gathered = Vector128.Create(pp[At(ip, k)], pp[At(ip, k + 1)], pp[At(ip, k + 2)], pp[At(ip, k + 3)]);
                (Vector128.Load(dp + k) + (factor * gathered)).Store(dp + k);
            }

            for (; k < n; k++)
            {
                dp[k] += a * pp[At(ip, k)];
            }
        }
    }
}

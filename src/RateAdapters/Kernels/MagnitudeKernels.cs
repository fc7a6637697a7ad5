using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NeuroLc.RateAdapters.Kernels;

/// <summary>The largest magnitude of a block of weights, for the divergence check after every update.</summary>
public static class MagnitudeKernels
{
    /// <summary>
    /// max |x| over <paramref name="x"/> (0 when empty); NaN when any element is NaN, +∞ when the largest is infinite.
    /// With the sign bit cleared, the bits of |x| order as integers exactly as the magnitudes do, and every NaN lies
    /// above +∞: an integer maximum over the bits (one cheap instruction, four independent chains) gives the exact
    /// result. <c>TensorPrimitives.MaxMagnitude</c>, which must also tell which NaN and which sign to return, read
    /// a 1 MB layer of Figure 12 at about 8 GB/s from L2; the check read all of them after every step.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static float LargestMagnitude(ReadOnlySpan<float> x)
    {
        ReadOnlySpan<int> bits = MemoryMarshal.Cast<float, int>(x);
        ref int start = ref MemoryMarshal.GetReference(bits);
        int n = bits.Length;
        int i = 0;
        int largest = 0;
        if (Vector512.IsHardwareAccelerated && n >= 4 * Vector512<int>.Count)
        {
            Vector512<int> mask = Vector512.Create(int.MaxValue);
            Vector512<int> m0 = Vector512<int>.Zero, m1 = m0, m2 = m0, m3 = m0;
            for (; i <= n - (4 * Vector512<int>.Count); i += 4 * Vector512<int>.Count)
            {
                m0 = Vector512.Max(m0, Vector512.LoadUnsafe(ref start, (nuint)i) & mask);
                m1 = Vector512.Max(m1, Vector512.LoadUnsafe(ref start, (nuint)(i + 16)) & mask);
                m2 = Vector512.Max(m2, Vector512.LoadUnsafe(ref start, (nuint)(i + 32)) & mask);
                m3 = Vector512.Max(m3, Vector512.LoadUnsafe(ref start, (nuint)(i + 48)) & mask);
            }

            largest = Vector512.Max(Vector512.Max(m0, m1), Vector512.Max(m2, m3)).ToScalarMax();
        }
        else if (Vector256.IsHardwareAccelerated && n >= 4 * Vector256<int>.Count)
        {
            Vector256<int> mask = Vector256.Create(int.MaxValue);
            Vector256<int> m0 = Vector256<int>.Zero, m1 = m0, m2 = m0, m3 = m0;
            for (; i <= n - (4 * Vector256<int>.Count); i += 4 * Vector256<int>.Count)
            {
                m0 = Vector256.Max(m0, Vector256.LoadUnsafe(ref start, (nuint)i) & mask);
                m1 = Vector256.Max(m1, Vector256.LoadUnsafe(ref start, (nuint)(i + 8)) & mask);
                m2 = Vector256.Max(m2, Vector256.LoadUnsafe(ref start, (nuint)(i + 16)) & mask);
                m3 = Vector256.Max(m3, Vector256.LoadUnsafe(ref start, (nuint)(i + 24)) & mask);
            }

            largest = Vector256.Max(Vector256.Max(m0, m1), Vector256.Max(m2, m3)).ToScalarMax();
        }

        for (; i < n; i++)
        {
            largest = Math.Max(largest, Unsafe.Add(ref start, i) & int.MaxValue);
        }

        return BitConverter.Int32BitsToSingle(largest);
    }

    private static int ToScalarMax(this Vector512<int> v) =>
        Math.Max(v.GetLower().ToScalarMax(), v.GetUpper().ToScalarMax());

    private static int ToScalarMax(this Vector256<int> v)
    {
        int largest = 0;
        for (int j = 0; j < Vector256<int>.Count; j++)
        {
            largest = Math.Max(largest, v.GetElement(j));
        }

        return largest;
    }
}

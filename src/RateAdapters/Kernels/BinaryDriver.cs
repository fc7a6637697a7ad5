using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NeuroLc.RateAdapters.Kernels;

/// <summary>The one loop that applies an <see cref="IBinaryOperator"/>: 512-bit, then 256-bit, then scalar tail.</summary>
internal static class BinaryDriver
{
    /// <summary>destination[i] = TOp(x[i], y[i]); destination may alias x or y.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Apply<TOp>(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> destination)
        where TOp : IBinaryOperator
    {
        if (x.Length != y.Length || destination.Length < x.Length)
        {
            throw new ArgumentException($"Operand lengths differ: x {x.Length}, y {y.Length}, destination {destination.Length}.");
        }

        ref float xr = ref MemoryMarshal.GetReference(x);
        ref float yr = ref MemoryMarshal.GetReference(y);
        ref float dr = ref MemoryMarshal.GetReference(destination);
        int n = x.Length;
        int i = 0;
        // Avx512F as in UnaryDriver: Vector512.IsHardwareAccelerated is false on CPUs the runtime suspects of down-clocking.
        if (Avx512F.IsSupported)
        {
            for (; i <= n - Vector512<float>.Count; i += Vector512<float>.Count)
            {
                TOp.Invoke(Vector512.LoadUnsafe(ref xr, (nuint)i), Vector512.LoadUnsafe(ref yr, (nuint)i))
                    .StoreUnsafe(ref dr, (nuint)i);
            }
        }

        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= n - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                TOp.Invoke(Vector256.LoadUnsafe(ref xr, (nuint)i), Vector256.LoadUnsafe(ref yr, (nuint)i))
                    .StoreUnsafe(ref dr, (nuint)i);
            }
        }

        for (; i < n; i++)
        {
            destination[i] = TOp.Invoke(x[i], y[i]);
        }
    }
}

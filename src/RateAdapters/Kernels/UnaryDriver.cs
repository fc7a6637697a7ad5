using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NeuroLc.RateAdapters.Kernels;

/// <summary>The one loop that applies an <see cref="IUnaryOperator"/>: 512-bit vectors where AVX-512 exists, else 256-bit vectors (each with a zero-padded vector tail), else scalars.</summary>
internal static class UnaryDriver
{
    /// <summary>destination[i] = TOp(x[i]); destination may alias x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Apply<TOp>(ReadOnlySpan<float> x, Span<float> destination)
        where TOp : IUnaryOperator
    {
        if (destination.Length < x.Length)
        {
            throw new ArgumentException($"Destination holds {destination.Length} floats, {x.Length} needed.", nameof(destination));
        }

        ref float xr = ref MemoryMarshal.GetReference(x);
        ref float dr = ref MemoryMarshal.GetReference(destination);
        int n = x.Length;
        int i = 0;
        // Avx512F rather than Vector512.IsHardwareAccelerated, as in SgemmPaths: the runtime reports 512-bit vectors as
        // slow on CPUs it suspects of down-clocking, while tanh over a layer is compute-bound and gains from the full width.
        if (Avx512F.IsSupported)
        {
            for (; i <= n - Vector512<float>.Count; i += Vector512<float>.Count)
            {
                TOp.Invoke(Vector512.LoadUnsafe(ref xr, (nuint)i)).StoreUnsafe(ref dr, (nuint)i);
            }

            if (i < n)
            {
                // The ragged end goes through the same vector formula (zero-padded), so an element's value never
                // depends on where a call's range starts or ends: the two threads may each transform their own rows.
                Span<float> pad = stackalloc float[Vector512<float>.Count];
                x[i..].CopyTo(pad);
                TOp.Invoke(Vector512.Create((ReadOnlySpan<float>)pad)).CopyTo(pad);
                pad[..(n - i)].CopyTo(destination[i..]);
            }

            return;
        }

        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= n - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                TOp.Invoke(Vector256.LoadUnsafe(ref xr, (nuint)i)).StoreUnsafe(ref dr, (nuint)i);
            }

            if (i < n)
            {
                Span<float> pad = stackalloc float[Vector256<float>.Count];
                x[i..].CopyTo(pad);
                TOp.Invoke(Vector256.Create((ReadOnlySpan<float>)pad)).CopyTo(pad);
                pad[..(n - i)].CopyTo(destination[i..]);
            }

            return;
        }

        for (; i < n; i++)
        {
            destination[i] = TOp.Invoke(x[i]);
        }
    }
}

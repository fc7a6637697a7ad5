using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NeuroLc.RateAdapters.Kernels;

/// <summary>
/// e^x for vectors: x = k·ln 2 + r with |r| ≤ ln2/2 (Cody–Waite split of ln 2), e^r by its degree-6 Taylor polynomial
/// (relative error ≤ 1.2e-7), 2^k built in the exponent bits. Inputs are clamped to [−87, 88] (no overflow; results
/// below 1.7e-38 are approximated by that). Written out because the runtime's vector Exp is not faster than scalar here.
/// </summary>
internal static class VectorExp
{
    private const float Log2E = 1.44269504f;
    private const float Ln2Hi = 0.693145751953125f;
    private const float Ln2Lo = 1.428606765330187045e-06f;

    // 1.5·2²³: adding and subtracting it rounds |v| < 2²² to the nearest integer in round-to-nearest mode.
    private const float RoundingMagic = 12582912f;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Exp(Vector256<float> x)
    {
        x = Vector256.Min(Vector256.Max(x, Vector256.Create(-87f)), Vector256.Create(88f));
        Vector256<float> k = ((x * Log2E) + Vector256.Create(RoundingMagic)) - Vector256.Create(RoundingMagic);
        Vector256<float> r = x - (k * Ln2Hi) - (k * Ln2Lo);
        Vector256<float> p = Vector256.Create(1f / 720f);
        p = (p * r) + Vector256.Create(1f / 120f);
        p = (p * r) + Vector256.Create(1f / 24f);
        p = (p * r) + Vector256.Create(1f / 6f);
        p = (p * r) + Vector256.Create(0.5f);
        p = (p * r) + Vector256<float>.One;
        p = (p * r) + Vector256<float>.One;
        Vector256<int> bits = Vector256.ShiftLeft(Vector256.ConvertToInt32(k) + Vector256.Create(127), 23);
        return p * bits.AsSingle();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Exp(Vector512<float> x)
    {
        // The 512-bit path runs only where AVX-512F exists, so every step is a fused multiply-add.
        x = Vector512.Min(Vector512.Max(x, Vector512.Create(-87f)), Vector512.Create(88f));
        Vector512<float> k = Avx512F.FusedMultiplyAdd(x, Vector512.Create(Log2E), Vector512.Create(RoundingMagic)) - Vector512.Create(RoundingMagic);
        Vector512<float> r = Avx512F.FusedMultiplyAdd(k, Vector512.Create(-Ln2Hi), x);
        r = Avx512F.FusedMultiplyAdd(k, Vector512.Create(-Ln2Lo), r);
        Vector512<float> p = Avx512F.FusedMultiplyAdd(Vector512.Create(1f / 720f), r, Vector512.Create(1f / 120f));
        p = Avx512F.FusedMultiplyAdd(p, r, Vector512.Create(1f / 24f));
        p = Avx512F.FusedMultiplyAdd(p, r, Vector512.Create(1f / 6f));
        p = Avx512F.FusedMultiplyAdd(p, r, Vector512.Create(0.5f));
        p = Avx512F.FusedMultiplyAdd(p, r, Vector512<float>.One);
        p = Avx512F.FusedMultiplyAdd(p, r, Vector512<float>.One);
        Vector512<int> bits = Vector512.ShiftLeft(Vector512.ConvertToInt32(k) + Vector512.Create(127), 23);
        return p * bits.AsSingle();
    }
}

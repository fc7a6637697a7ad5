using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NeuroLc.RateAdapters.Kernels;

/// <summary>d = [o &gt; 0]·z: the ReLU derivative (0 at the kink) expressed through O = max(0, S), times the signal.</summary>
internal readonly struct ReluDerivativeProduct : IBinaryOperator
{
    public static float Invoke(float o, float z) => o > 0f ? z : 0f;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Invoke(Vector256<float> o, Vector256<float> z) =>
        Vector256.ConditionalSelect(Vector256.GreaterThan(o, Vector256<float>.Zero), z, Vector256<float>.Zero);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Invoke(Vector512<float> o, Vector512<float> z) =>
        Vector512.ConditionalSelect(Vector512.GreaterThan(o, Vector512<float>.Zero), z, Vector512<float>.Zero);
}

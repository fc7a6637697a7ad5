using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NeuroLc.RateAdapters.Kernels;

/// <summary>d = o(1 − o)·z: σ′(S) expressed through O = σ(S), times the learning-channel signal.</summary>
internal readonly struct LogisticDerivativeProduct : IBinaryOperator
{
    public static float Invoke(float o, float z) => (o * (1f - o)) * z;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Invoke(Vector256<float> o, Vector256<float> z) => (o * (Vector256<float>.One - o)) * z;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Invoke(Vector512<float> o, Vector512<float> z) => (o * (Vector512<float>.One - o)) * z;
}

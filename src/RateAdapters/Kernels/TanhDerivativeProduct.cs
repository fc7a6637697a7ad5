using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NeuroLc.RateAdapters.Kernels;

/// <summary>d = (1 − o²)·z: tanh′(S) expressed through O = tanh(S), times the learning-channel signal (eqs. 7, 10, 11).</summary>
internal readonly struct TanhDerivativeProduct : IBinaryOperator
{
    public static float Invoke(float o, float z) => (1f - (o * o)) * z;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Invoke(Vector256<float> o, Vector256<float> z) => (Vector256<float>.One - (o * o)) * z;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Invoke(Vector512<float> o, Vector512<float> z) => (Vector512<float>.One - (o * o)) * z;
}

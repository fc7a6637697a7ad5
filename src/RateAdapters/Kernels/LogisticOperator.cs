using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NeuroLc.RateAdapters.Kernels;

/// <summary>σ(x) = 1/(1 + e^{−x}); e^{−x} overflows to ∞ for very negative x, giving exactly 0.</summary>
internal readonly struct LogisticOperator : IUnaryOperator
{
    public static float Invoke(float x) => 1f / (1f + MathF.Exp(-x));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Invoke(Vector256<float> x) => Vector256<float>.One / (Vector256<float>.One + VectorExp.Exp(-x));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Invoke(Vector512<float> x) => Vector512<float>.One / (Vector512<float>.One + VectorExp.Exp(-x));
}

using System.Runtime.Intrinsics;

namespace NeuroLc.RateAdapters.Kernels;

/// <summary>
/// An element-wise operation d = op(x) with a scalar form and 256/512-bit vector forms that agree with it.
/// Implementations mark the vector forms AggressiveInlining: the drivers are compiled fully optimised at once, and a
/// callee left out of line would run as an unoptimised tier-0 call per vector until tiering caught up.
/// </summary>
internal interface IUnaryOperator
{
    /// <summary>Scalar form.</summary>
    static abstract float Invoke(float x);

    /// <summary>256-bit form.</summary>
    static abstract Vector256<float> Invoke(Vector256<float> x);

    /// <summary>512-bit form.</summary>
    static abstract Vector512<float> Invoke(Vector512<float> x);
}

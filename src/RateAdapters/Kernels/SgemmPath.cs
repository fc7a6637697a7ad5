using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NeuroLc.RateAdapters.Kernels;

/// <summary>Which SGEMM micro-kernel runs: 512-bit or 256-bit FMA vectors, or the portable scalar loop.</summary>
public enum SgemmPath
{
    /// <summary>Plain scalar multiply-add; used when the hardware intrinsics are off.</summary>
    Scalar,

    /// <summary>Two 256-bit FMA vectors per row of the register block (AVX2 + FMA).</summary>
    Vector256,

    /// <summary>One 512-bit FMA vector per row of the register block (AVX-512F).</summary>
    Vector512,
}

/// <summary>Selection of the fastest <see cref="SgemmPath"/> the running process supports.</summary>
public static class SgemmPaths
{
    /// <summary>The fastest path this process can run.</summary>
    public static SgemmPath Best { get; } =
        Avx512F.IsSupported ? SgemmPath.Vector512
        : Vector256.IsHardwareAccelerated && Fma.IsSupported ? SgemmPath.Vector256
        : SgemmPath.Scalar;

    /// <summary>Whether <paramref name="path"/> can run in this process.</summary>
    public static bool IsSupported(SgemmPath path) => path switch
    {
        SgemmPath.Scalar => true,
        SgemmPath.Vector256 => Vector256.IsHardwareAccelerated && Fma.IsSupported,
        // Vector512.IsHardwareAccelerated may report false on CPUs the runtime suspects of down-clocking under
        // 512-bit code, while the AVX-512 instructions themselves are available; the kernel uses them directly.
        SgemmPath.Vector512 => Avx512F.IsSupported,
        _ => false,
    };

    /// <summary>Rows of the register block (MR) of each path; the block is always 16 columns wide (NR).</summary>
    internal static int RowsPerBlock(SgemmPath path) => path switch
    {
        SgemmPath.Vector512 => 10,
        SgemmPath.Vector256 => 5,
        _ => 4,
    };
}

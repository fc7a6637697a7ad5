using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NeuroLc.RateAdapters.Kernels;

/// <summary>The transposed store of a register block on the 512-bit path (δ·Wᵀ computed as (W·δᵀ)ᵀ).</summary>
public sealed unsafe partial class Sgemm
{
    /// <summary>Floats the tile buffer holds beyond the two 10×16 halves, so a half can be read as 16 rows.</summary>
    private const int TransposeOverread = 6 * Nr;

    /// <summary>
    /// Stores a 16-column half of a register block of Cᵀ into C: column j of the tile is <paramref name="rows"/>
    /// consecutive floats of row j0 + j of C. The half is read as 16 rows (the rows past <paramref name="rows"/> are
    /// whatever follows in the tile buffer), transposed in registers, and each column written with one masked store;
    /// element by element this took 320 scalar loads, multiplies and stores per block, about a tenth of a 50-row
    /// lane's learning-channel product. Each element gets α·t, or β·c + α·t with a separate multiply and add, exactly
    /// as the scalar store computes it.
    /// </summary>
    /// <remarks>The transposed block is written whole before it is read, so its stack buffer is not zeroed first.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    [SkipLocalsInit]
    private void StoreTransposedHalf512(float* tile, int i0, int rows, int j0, int cols)
    {
        float* columns = stackalloc float[Nr * Nr];
        Transpose16x16(tile, columns);
        Vector512<float> mask = Vector512.LessThan(Vector512<int>.Indices, Vector512.Create(rows)).AsSingle();
        Vector512<float> alpha = Vector512.Create(_alpha);
        Vector512<float> beta = Vector512.Create(_beta);
        for (int j = 0; j < cols; j++)
        {
            float* c = _c + ((long)(j0 + j) * _ldc) + i0;
            Vector512<float> v = Vector512.Load(columns + (j * Nr)) * alpha;
            if (_beta != 0f)
            {
                v = (beta * Avx512F.MaskLoad(c, mask, Vector512<float>.Zero)) + v;
            }

            Avx512F.MaskStore(c, mask, v);
        }
    }

    /// <summary>
    /// dst[t·16 + s] = src[s·16 + t] for s, t &lt; 16, in four rounds of 16 shuffles: interleave floats of row pairs,
    /// then pairs of floats of row quads (column c of a quad in each 128-bit lane), then gather lanes (0, 2) and
    /// (1, 3) of quads 0–1 and 2–3, then of those.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose16x16(float* src, float* dst)
    {
        for (int c = 0; c < 4; c++)
        {
            // Quad q's rows 4q..4q+3, reduced to the vector holding column 4L + c of the quad in lane L.
            Vector512<float> q0 = QuadColumns(src, 0, c);
            Vector512<float> q1 = QuadColumns(src, 4, c);
            Vector512<float> q2 = QuadColumns(src, 8, c);
            Vector512<float> q3 = QuadColumns(src, 12, c);
            Vector512<float> v = Avx512F.Shuffle4x128(q0, q1, 0x88);
            Vector512<float> vOdd = Avx512F.Shuffle4x128(q0, q1, 0xDD);
            Vector512<float> w = Avx512F.Shuffle4x128(q2, q3, 0x88);
            Vector512<float> wOdd = Avx512F.Shuffle4x128(q2, q3, 0xDD);
            Avx512F.Shuffle4x128(v, w, 0x88).Store(dst + (c * Nr));
            Avx512F.Shuffle4x128(v, w, 0xDD).Store(dst + ((8 + c) * Nr));
            Avx512F.Shuffle4x128(vOdd, wOdd, 0x88).Store(dst + ((4 + c) * Nr));
            Avx512F.Shuffle4x128(vOdd, wOdd, 0xDD).Store(dst + ((12 + c) * Nr));
        }
    }

    /// <summary>Lane L of the result: elements 4L + c of rows r..r+3 of the 16-wide rows at <paramref name="src"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> QuadColumns(float* src, int r, int c)
    {
        Vector512<float> a = Vector512.Load(src + (r * Nr)), b = Vector512.Load(src + ((r + 1) * Nr));
        Vector512<float> x = Vector512.Load(src + ((r + 2) * Nr)), y = Vector512.Load(src + ((r + 3) * Nr));
        // Floats 4L, 4L+1 (c < 2) or 4L+2, 4L+3 (c ≥ 2) of rows (r, r+1) and (r+2, r+3), interleaved.
        Vector512<float> ab = c < 2 ? Avx512F.UnpackLow(a, b) : Avx512F.UnpackHigh(a, b);
        Vector512<float> xy = c < 2 ? Avx512F.UnpackLow(x, y) : Avx512F.UnpackHigh(x, y);
        // Pairs of floats: the first pair of each lane for even c, the second for odd c.
        return (c % 2 == 0 ? Avx512F.UnpackLow(ab.AsDouble(), xy.AsDouble()) : Avx512F.UnpackHigh(ab.AsDouble(), xy.AsDouble())).AsSingle();
    }
}

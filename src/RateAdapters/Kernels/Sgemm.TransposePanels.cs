using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NeuroLc.RateAdapters.Kernels;

/// <summary>The panel layout of a matrix's transpose, made from the panels of the matrix.</summary>
public sealed unsafe partial class Sgemm
{
    /// <summary>
    /// Writes the panels of the n×k transpose of a k×n matrix held in <paramref name="panels"/> (the layout of
    /// <see cref="PackRows"/>) into <paramref name="transposed"/>, ragged columns zero. A 16×16 block of the source
    /// (rows i0..i0+15 of panel q, 256 consecutive floats) is the 16×16 block at rows 16q..16q+15 of the
    /// transpose's panel i0/16, also consecutive: each block is read once, transposed in registers and written once.
    /// BP's learning channel reads Wᵀ in this layout (<c>RateNetwork.ConjoinedSignal</c>), so that δ·Wᵀ runs with
    /// δ's rows in the register blocks, as RBP's δ·C does, instead of as W·δᵀ with the minibatch rows as the
    /// columns (50 rows of a lane padded to 64, and C stored transposed).
    /// </summary>
    internal static void TransposePanels(float* panels, int k, int n, float* transposed) =>
        TransposePanelRange(panels, k, n, 0, PanelCount(n), transposed);

    /// <summary>
    /// The part of <see cref="TransposePanels"/> that panels [q0, q1) of the source make: rows 16·q0..16·q1−1 of
    /// every panel of the transpose.
    /// </summary>
    internal static void TransposePanelRange(float* panels, int k, int n, int q0, int q1, float* transposed)
    {
        for (int q = q0; q < q1; q++)
        {
            int rowsOut = Math.Min(Nr, n - (q * Nr));
            for (int i0 = 0; i0 < k; i0 += Nr)
            {
                int rowsIn = Math.Min(Nr, k - i0);
                float* source = panels + ((long)q * k * Nr) + ((long)i0 * Nr);
                float* target = transposed + ((long)(i0 / Nr) * n * Nr) + ((long)q * Nr * Nr);
                if (Avx512F.IsSupported)
                {
                    TransposeBlock512(source, rowsIn, target, rowsOut);
                }
                else
                {
                    TransposeBlockScalar(source, rowsIn, target, rowsOut);
                }
            }
        }
    }

    /// <summary>
    /// target[j·16 + i] = source[i·16 + j] for j &lt; <paramref name="rowsOut"/>, with rows of the source from
    /// <paramref name="rowsIn"/> on read as zero.
    /// </summary>
    internal static void TransposeBlockScalar(float* source, int rowsIn, float* target, int rowsOut)
    {
        for (int j = 0; j < rowsOut; j++)
        {
            for (int i = 0; i < Nr; i++)
            {
                target[(j * Nr) + i] = i < rowsIn ? source[(i * Nr) + j] : 0f;
            }
        }
    }

    /// <summary>
    /// <see cref="TransposeBlockScalar"/> in registers: pairs of rows interleaved (unpack), then groups of four
    /// (shufps), then 128-bit lanes gathered in two steps (shuf32x4), 64 shuffles for 256 floats.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void TransposeBlock512(float* source, int rowsIn, float* target, int rowsOut)
    {
        if (rowsIn < Nr)
        {
            // The last rows of a ragged matrix: through a zero-padded copy, so the full block below stays in registers.
            float* padded = stackalloc float[Nr * Nr];
            new Span<float>(padded, Nr * Nr).Clear();
            Buffer.MemoryCopy(source, padded, Nr * Nr * sizeof(float), rowsIn * Nr * sizeof(float));
            source = padded;
        }

        // Pairs of rows interleaved: in each 128-bit lane, a0 b0 a1 b1 (low) and a2 b2 a3 b3 (high).
        Vector512<float> t0 = Avx512F.UnpackLow(Load(source, 0), Load(source, 1));
        Vector512<float> t1 = Avx512F.UnpackHigh(Load(source, 0), Load(source, 1));
        Vector512<float> t2 = Avx512F.UnpackLow(Load(source, 2), Load(source, 3));
        Vector512<float> t3 = Avx512F.UnpackHigh(Load(source, 2), Load(source, 3));
        Vector512<float> t4 = Avx512F.UnpackLow(Load(source, 4), Load(source, 5));
        Vector512<float> t5 = Avx512F.UnpackHigh(Load(source, 4), Load(source, 5));
        Vector512<float> t6 = Avx512F.UnpackLow(Load(source, 6), Load(source, 7));
        Vector512<float> t7 = Avx512F.UnpackHigh(Load(source, 6), Load(source, 7));
        Vector512<float> t8 = Avx512F.UnpackLow(Load(source, 8), Load(source, 9));
        Vector512<float> t9 = Avx512F.UnpackHigh(Load(source, 8), Load(source, 9));
        Vector512<float> t10 = Avx512F.UnpackLow(Load(source, 10), Load(source, 11));
        Vector512<float> t11 = Avx512F.UnpackHigh(Load(source, 10), Load(source, 11));
        Vector512<float> t12 = Avx512F.UnpackLow(Load(source, 12), Load(source, 13));
        Vector512<float> t13 = Avx512F.UnpackHigh(Load(source, 12), Load(source, 13));
        Vector512<float> t14 = Avx512F.UnpackLow(Load(source, 14), Load(source, 15));
        Vector512<float> t15 = Avx512F.UnpackHigh(Load(source, 14), Load(source, 15));

        // u(4g + j), 128-bit lane L: rows 4g..4g+3 of the block's column 4L + j.
        Vector512<float> u0 = Avx512F.Shuffle(t0, t2, 0x44), u1 = Avx512F.Shuffle(t0, t2, 0xEE);
        Vector512<float> u2 = Avx512F.Shuffle(t1, t3, 0x44), u3 = Avx512F.Shuffle(t1, t3, 0xEE);
        Vector512<float> u4 = Avx512F.Shuffle(t4, t6, 0x44), u5 = Avx512F.Shuffle(t4, t6, 0xEE);
        Vector512<float> u6 = Avx512F.Shuffle(t5, t7, 0x44), u7 = Avx512F.Shuffle(t5, t7, 0xEE);
        Vector512<float> u8 = Avx512F.Shuffle(t8, t10, 0x44), u9 = Avx512F.Shuffle(t8, t10, 0xEE);
        Vector512<float> u10 = Avx512F.Shuffle(t9, t11, 0x44), u11 = Avx512F.Shuffle(t9, t11, 0xEE);
        Vector512<float> u12 = Avx512F.Shuffle(t12, t14, 0x44), u13 = Avx512F.Shuffle(t12, t14, 0xEE);
        Vector512<float> u14 = Avx512F.Shuffle(t13, t15, 0x44), u15 = Avx512F.Shuffle(t13, t15, 0xEE);

        // Per j: lanes 0 and 2 (columns j and 8 + j) or 1 and 3 (4 + j and 12 + j) of row groups 0–1 and 2–3,
        // then of those two, a whole column of the block.
        StoreColumns(u0, u4, u8, u12, target, 0, rowsOut);
        StoreColumns(u1, u5, u9, u13, target, 1, rowsOut);
        StoreColumns(u2, u6, u10, u14, target, 2, rowsOut);
        StoreColumns(u3, u7, u11, u15, target, 3, rowsOut);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Load(float* block, int row) => Vector512.Load(block + (row * Nr));

    /// <summary>Columns j, 4 + j, 8 + j and 12 + j of a block from its four row groups' u(4g + j).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreColumns(Vector512<float> g0, Vector512<float> g1, Vector512<float> g2, Vector512<float> g3,
        float* target, int j, int rowsOut)
    {
        Vector512<float> lowEven = Avx512F.Shuffle4x128(g0, g1, 0x88);
        Vector512<float> highEven = Avx512F.Shuffle4x128(g2, g3, 0x88);
        Vector512<float> lowOdd = Avx512F.Shuffle4x128(g0, g1, 0xDD);
        Vector512<float> highOdd = Avx512F.Shuffle4x128(g2, g3, 0xDD);
        StoreRow(Avx512F.Shuffle4x128(lowEven, highEven, 0x88), target, j, rowsOut);
        StoreRow(Avx512F.Shuffle4x128(lowOdd, highOdd, 0x88), target, 4 + j, rowsOut);
        StoreRow(Avx512F.Shuffle4x128(lowEven, highEven, 0xDD), target, 8 + j, rowsOut);
        StoreRow(Avx512F.Shuffle4x128(lowOdd, highOdd, 0xDD), target, 12 + j, rowsOut);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreRow(Vector512<float> row, float* target, int j, int rowsOut)
    {
        if (j < rowsOut)
        {
            row.Store(target + (j * Nr));
        }
    }
}

using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NeuroLc.RateAdapters.Kernels;

/// <summary>The packed layouts the micro-kernels read: B's 16-column panels and A's ten-row blocks.</summary>
public sealed unsafe partial class Sgemm
{
    /// <summary>Columns of one panel of the packed layout.</summary>
    internal const int PanelColumns = Nr;

    /// <summary>16-column panels of an n-column matrix.</summary>
    internal static int PanelCount(int n) => (n + Nr - 1) / Nr;

    /// <summary>Floats of the packed panel layout of a k×n matrix (plus the alignment slack).</summary>
    internal static int PanelFloats(int k, int n) => (((n + Nr - 1) / Nr) * k * Nr) + Nr;

    /// <summary>
    /// Writes rows [r0, r1) of the row-major k×n matrix <paramref name="b"/> (leading dimension
    /// <paramref name="ldb"/>) into panels [q0, q1) of the layout the product reads: panel q holds columns
    /// 16q..16q+15, step p at q·k·16 + p·16, ragged columns zero. The forward weights use it row range by row range
    /// after an update; a call's own packing uses it panel by panel.
    /// </summary>
    internal static void PackRows(float* b, int ldb, int k, int n, int r0, int r1, float* panels, int q0, int q1)
    {
        for (int q = q0; q < q1; q++)
        {
            int j0 = q * Nr;
            int cols = Math.Min(Nr, n - j0);
            float* d = panels + ((long)q * k * Nr);
            // The ragged last panel (columns 96..99 of a 100-wide matrix): one masked load, zeros elsewhere, and one
            // store per row, instead of clearing the row and copying the few columns with two library calls
            // (1–3 % off a 100×100×100 product, alternating call by call).
            Vector512<float> ragged = cols < Nr && Avx512F.IsSupported
                ? Vector512.LessThan(Vector512<int>.Indices, Vector512.Create(cols)).AsSingle()
                : default;
            for (int p = r0; p < r1; p++)
            {
                if (cols == Nr)
                {
                    // A constant 64-byte block copy compiles to a vector load and store; the general copy routine
                    // called once per row (784 times per panel of W¹) cost more than the product's own loads.
                    Unsafe.CopyBlockUnaligned(d + (p * Nr), b + ((long)p * ldb) + j0, Nr * sizeof(float));
                }
                else if (cols < Nr && Avx512F.IsSupported)
                {
                    Avx512F.MaskLoad(b + ((long)p * ldb) + j0, ragged, Vector512<float>.Zero).Store(d + (p * Nr));
                }
                else
                {
                    new Span<float>(d + (p * Nr), Nr).Clear();
                    new ReadOnlySpan<float>(b + ((long)p * ldb) + j0, cols).CopyTo(new Span<float>(d + (p * Nr), cols));
                }
            }
        }
    }

    /// <summary>Makes room for the packed op(B) panels in a 64-byte-aligned buffer.</summary>
    private void PrepareB()
    {
        int panels = (_n + Nr - 1) / Nr;
        int need = (panels * _k * Nr) + Nr;
        if (_bPack.Length < need)
        {
            _bPack = GC.AllocateUninitializedArray<float>(need, pinned: true);
        }

        float* dst = (float*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_bPack));
        dst += (int)((64 - ((nuint)dst & 63)) & 63) / sizeof(float);
        _bPacked = dst;
    }

    /// <summary>
    /// Packs op(B) panels [from, to) into 16-column step-major panels. Every panel is copied: read in place, a row
    /// of 16 floats at a leading dimension such as 100 straddles two cache lines, and the split loads cost more than
    /// the copy; with transpose the copy is also the transpose.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void PackPanels(int from, int to)
    {
        bool transposeB = _transB;
        float* b = _bFull;
        int ldb = _ldb;
        for (int panel = from; panel < to; panel++)
        {
            int j0 = panel * Nr;
            int cols = Math.Min(Nr, _n - j0);
            float* d = _bPacked + ((long)panel * _k * Nr);
            if (cols < Nr && transposeB)
            {
                // The transposing copy writes only the real columns (PackRows zeroes the rest itself).
                new Span<float>(d, _k * Nr).Clear();
            }

            if (transposeB && cols == Nr && Avx.IsSupported)
            {
                // Step p of the panel is column p of sixteen consecutive rows of B: 8×8 blocks transposed in registers
                // (about a third of a cycle per element, against several for element-wise copies or gathers).
                float* top = b + ((long)j0 * ldb);
                int p0 = 0;
                for (; p0 + 8 <= _k; p0 += 8)
                {
                    Transpose8x8(top + p0, ldb, d + (p0 * Nr), Nr);
                    Transpose8x8(top + (8L * ldb) + p0, ldb, d + (p0 * Nr) + 8, Nr);
                }

                for (; p0 < _k; p0++)
                {
                    for (int jj = 0; jj < Nr; jj++)
                    {
                        d[(p0 * Nr) + jj] = top[((long)jj * ldb) + p0];
                    }
                }
            }
            else if (transposeB)
            {
                for (int jj = 0; jj < cols; jj++)
                {
                    float* src = b + ((long)(j0 + jj) * ldb);
                    for (int p = 0; p < _k; p++)
                    {
                        d[(p * Nr) + jj] = src[p];
                    }
                }
            }
            else
            {
                PackRows(b, ldb, _k, _n, 0, _k, _bPacked, panel, panel + 1);
            }
        }
    }

    /// <summary>
    /// Copies <paramref name="blocks"/> whole ten-row blocks of op(A) = Aᵀ, from row r0 of op(A) on, into consecutive
    /// step-major panels (block b at b·k·10), reading A row by row: each step p of A is one contiguous run of
    /// 10·blocks floats. Block by block, every copy walked down A's column at a stride of a whole row (2 KB for a
    /// 500-wide layer), and on this loaded host half of a 500×16×100 product went to waiting for those loads (sampled
    /// with perf). Alternating call by call in one process: 500×16×100 median 61 → 48 µs, 784×100×100 on two threads
    /// 205 → 193 µs; a Figure 7 step on two threads (W¹'s update chunks) 2–3 % less at the quartile and median.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void PackTransposedBlocks(float* dst, int r0, int blocks)
    {
        int k = _k;
        long blockFloats = (long)k * 10;
        for (int p = 0; p < k; p++)
        {
            float* src = RowOfA(p) + r0;
            float* d = dst + (p * 10);
            for (int b = 0; b < blocks; b++)
            {
                Vector256.Load(src + (b * 10)).Store(d + (b * blockFloats));
                *(ulong*)(d + (b * blockFloats) + 8) = *(ulong*)(src + (b * 10) + 8);
            }
        }
    }

    /// <summary>Copies rows i0..i0+rows of op(A) into a step-major MR-wide panel, zero-padding missing rows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void PackA(float* dst, int i0, int rows)
    {
        int mr = _mr;
        int k = _k;
        if (rows < mr)
        {
            new Span<float>(dst, k * mr).Clear();
        }

        if (_transA)
        {
            for (int p = 0; p < k; p++)
            {
                float* src = RowOfA(p) + i0;
                for (int i = 0; i < rows; i++)
                {
                    dst[(p * mr) + i] = src[i];
                }
            }
        }
        else if (_aPanelStride != 0)
        {
            // Step p of row r in the panel layout: panel p/16, row r, column p%16.
            for (int i = 0; i < rows; i++)
            {
                float* row = _a + ((long)(i0 + i) * Nr);
                float* d = dst + i;
                for (int p = 0; p < k; p++)
                {
                    d[p * mr] = row[((p / Nr) * _aPanelStride) + (p % Nr)];
                }
            }
        }
        else
        {
            for (int i = 0; i < rows; i++)
            {
                float* src = RowOfA(i0 + i);
                float* d = dst + i;
                for (int p = 0; p < k; p++)
                {
                    d[p * mr] = src[p];
                }
            }
        }
    }

    /// <summary>
    /// dst[t·ldDst + s] = src[s·ldSrc + t] for s, t &lt; 8: eight rows of eight floats become eight columns
    /// (interleave pairs of rows, then pairs of pairs, then swap 128-bit halves).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose8x8(float* src, int ldSrc, float* dst, int ldDst)
    {
        Vector256<float> r0 = Vector256.Load(src), r1 = Vector256.Load(src + ldSrc);
        Vector256<float> r2 = Vector256.Load(src + (2 * ldSrc)), r3 = Vector256.Load(src + (3 * ldSrc));
        Vector256<float> r4 = Vector256.Load(src + (4 * ldSrc)), r5 = Vector256.Load(src + (5 * ldSrc));
        Vector256<float> r6 = Vector256.Load(src + (6 * ldSrc)), r7 = Vector256.Load(src + (7 * ldSrc));
        Vector256<float> t0 = Avx.UnpackLow(r0, r1), t1 = Avx.UnpackHigh(r0, r1);
        Vector256<float> t2 = Avx.UnpackLow(r2, r3), t3 = Avx.UnpackHigh(r2, r3);
        Vector256<float> t4 = Avx.UnpackLow(r4, r5), t5 = Avx.UnpackHigh(r4, r5);
        Vector256<float> t6 = Avx.UnpackLow(r6, r7), t7 = Avx.UnpackHigh(r6, r7);
        Vector256<float> u0 = Avx.Shuffle(t0, t2, 0x44), u1 = Avx.Shuffle(t0, t2, 0xEE);
        Vector256<float> u2 = Avx.Shuffle(t1, t3, 0x44), u3 = Avx.Shuffle(t1, t3, 0xEE);
        Vector256<float> u4 = Avx.Shuffle(t4, t6, 0x44), u5 = Avx.Shuffle(t4, t6, 0xEE);
        Vector256<float> u6 = Avx.Shuffle(t5, t7, 0x44), u7 = Avx.Shuffle(t5, t7, 0xEE);
        Avx.Permute2x128(u0, u4, 0x20).Store(dst);
        Avx.Permute2x128(u1, u5, 0x20).Store(dst + ldDst);
        Avx.Permute2x128(u2, u6, 0x20).Store(dst + (2 * ldDst));
        Avx.Permute2x128(u3, u7, 0x20).Store(dst + (3 * ldDst));
        Avx.Permute2x128(u0, u4, 0x31).Store(dst + (4 * ldDst));
        Avx.Permute2x128(u1, u5, 0x31).Store(dst + (5 * ldDst));
        Avx.Permute2x128(u2, u6, 0x31).Store(dst + (6 * ldDst));
        Avx.Permute2x128(u3, u7, 0x31).Store(dst + (7 * ldDst));
    }
}

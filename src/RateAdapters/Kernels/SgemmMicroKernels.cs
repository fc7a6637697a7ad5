using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NeuroLc.RateAdapters.Kernels;

/// <summary>
/// Register-blocked inner products of SGEMM: an MR×16 block of C accumulated in registers,
/// tile[i, j] = Σ_p a[p·aStep + i] · b[p·bStep + j]. The A block is read column by column (MR consecutive floats per
/// step p, either a packed panel or the rows of a transposed operand) and broadcast; the B block is 16 consecutive
/// floats per p. Every element is one chain of fused multiply-adds in increasing p, so the value of C[i, j] does not
/// depend on where the block sits or on which thread computes it.
/// </summary>
internal static unsafe class SgemmMicroKernels
{
    /// <summary>Columns of the register block (NR).</summary>
    public const int Columns = 16;

    /// <summary>10×16 block: ten 512-bit accumulators, enough independent FMA chains to hide the 4-cycle latency on two ports.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Block512(int k, float* a, nint aStep, float* b, nint bStep, float* tile)
    {
        Vector512<float> c0 = default, c1 = default, c2 = default, c3 = default, c4 = default;
        Vector512<float> c5 = default, c6 = default, c7 = default, c8 = default, c9 = default;
        for (int p = 0; p < k; p++)
        {
            Vector512<float> bv = Vector512.Load(b);
            c0 = Avx512F.FusedMultiplyAdd(Vector512.Create(a[0]), bv, c0);
            c1 = Avx512F.FusedMultiplyAdd(Vector512.Create(a[1]), bv, c1);
            c2 = Avx512F.FusedMultiplyAdd(Vector512.Create(a[2]), bv, c2);
            c3 = Avx512F.FusedMultiplyAdd(Vector512.Create(a[3]), bv, c3);
            c4 = Avx512F.FusedMultiplyAdd(Vector512.Create(a[4]), bv, c4);
            c5 = Avx512F.FusedMultiplyAdd(Vector512.Create(a[5]), bv, c5);
            c6 = Avx512F.FusedMultiplyAdd(Vector512.Create(a[6]), bv, c6);
            c7 = Avx512F.FusedMultiplyAdd(Vector512.Create(a[7]), bv, c7);
            c8 = Avx512F.FusedMultiplyAdd(Vector512.Create(a[8]), bv, c8);
            c9 = Avx512F.FusedMultiplyAdd(Vector512.Create(a[9]), bv, c9);
            a += aStep;
            b += bStep;
        }

        c0.Store(tile);
        c1.Store(tile + 16);
        c2.Store(tile + 32);
        c3.Store(tile + 48);
        c4.Store(tile + 64);
        c5.Store(tile + 80);
        c6.Store(tile + 96);
        c7.Store(tile + 112);
        c8.Store(tile + 128);
        c9.Store(tile + 144);
    }

    /// <summary>
    /// The 10×16 block reading ten rows of A in place (row i starts at rows[i], step p at +p): no packing of A
    /// for the forward and backward products, whose A (activations, errors) is used once per call. Each row has its
    /// own pointer and k is unrolled by four, so every load is base + constant: an indexed address would split each
    /// fused multiply-add into two micro-operations and make the loop issue-bound rather than FMA-bound.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Block512Rows(int k, float** rows, float* b, nint bStep, float* tile)
    {
        Vector512<float> c0 = default, c1 = default, c2 = default, c3 = default, c4 = default;
        Vector512<float> c5 = default, c6 = default, c7 = default, c8 = default, c9 = default;
        float* a0 = rows[0], a1 = rows[1], a2 = rows[2], a3 = rows[3], a4 = rows[4];
        float* a5 = rows[5], a6 = rows[6], a7 = rows[7], a8 = rows[8], a9 = rows[9];
        int p = 0;
        for (; p + 4 <= k; p += 4)
        {
            Vector512<float> bv = Vector512.Load(b);
            c0 = Avx512F.FusedMultiplyAdd(Vector512.Create(a0[0]), bv, c0);
            c1 = Avx512F.FusedMultiplyAdd(Vector512.Create(a1[0]), bv, c1);
            c2 = Avx512F.FusedMultiplyAdd(Vector512.Create(a2[0]), bv, c2);
            c3 = Avx512F.FusedMultiplyAdd(Vector512.Create(a3[0]), bv, c3);
            c4 = Avx512F.FusedMultiplyAdd(Vector512.Create(a4[0]), bv, c4);
            c5 = Avx512F.FusedMultiplyAdd(Vector512.Create(a5[0]), bv, c5);
            c6 = Avx512F.FusedMultiplyAdd(Vector512.Create(a6[0]), bv, c6);
            c7 = Avx512F.FusedMultiplyAdd(Vector512.Create(a7[0]), bv, c7);
            c8 = Avx512F.FusedMultiplyAdd(Vector512.Create(a8[0]), bv, c8);
            c9 = Avx512F.FusedMultiplyAdd(Vector512.Create(a9[0]), bv, c9);
            bv = Vector512.Load(b + bStep);
            c0 = Avx512F.FusedMultiplyAdd(Vector512.Create(a0[1]), bv, c0);
            c1 = Avx512F.FusedMultiplyAdd(Vector512.Create(a1[1]), bv, c1);
            c2 = Avx512F.FusedMultiplyAdd(Vector512.Create(a2[1]), bv, c2);
            c3 = Avx512F.FusedMultiplyAdd(Vector512.Create(a3[1]), bv, c3);
            c4 = Avx512F.FusedMultiplyAdd(Vector512.Create(a4[1]), bv, c4);
            c5 = Avx512F.FusedMultiplyAdd(Vector512.Create(a5[1]), bv, c5);
            c6 = Avx512F.FusedMultiplyAdd(Vector512.Create(a6[1]), bv, c6);
            c7 = Avx512F.FusedMultiplyAdd(Vector512.Create(a7[1]), bv, c7);
            c8 = Avx512F.FusedMultiplyAdd(Vector512.Create(a8[1]), bv, c8);
            c9 = Avx512F.FusedMultiplyAdd(Vector512.Create(a9[1]), bv, c9);
            bv = Vector512.Load(b + 2 * bStep);
            c0 = Avx512F.FusedMultiplyAdd(Vector512.Create(a0[2]), bv, c0);
            c1 = Avx512F.FusedMultiplyAdd(Vector512.Create(a1[2]), bv, c1);
            c2 = Avx512F.FusedMultiplyAdd(Vector512.Create(a2[2]), bv, c2);
            c3 = Avx512F.FusedMultiplyAdd(Vector512.Create(a3[2]), bv, c3);
            c4 = Avx512F.FusedMultiplyAdd(Vector512.Create(a4[2]), bv, c4);
            c5 = Avx512F.FusedMultiplyAdd(Vector512.Create(a5[2]), bv, c5);
            c6 = Avx512F.FusedMultiplyAdd(Vector512.Create(a6[2]), bv, c6);
            c7 = Avx512F.FusedMultiplyAdd(Vector512.Create(a7[2]), bv, c7);
            c8 = Avx512F.FusedMultiplyAdd(Vector512.Create(a8[2]), bv, c8);
            c9 = Avx512F.FusedMultiplyAdd(Vector512.Create(a9[2]), bv, c9);
            bv = Vector512.Load(b + 3 * bStep);
            c0 = Avx512F.FusedMultiplyAdd(Vector512.Create(a0[3]), bv, c0);
            c1 = Avx512F.FusedMultiplyAdd(Vector512.Create(a1[3]), bv, c1);
            c2 = Avx512F.FusedMultiplyAdd(Vector512.Create(a2[3]), bv, c2);
            c3 = Avx512F.FusedMultiplyAdd(Vector512.Create(a3[3]), bv, c3);
            c4 = Avx512F.FusedMultiplyAdd(Vector512.Create(a4[3]), bv, c4);
            c5 = Avx512F.FusedMultiplyAdd(Vector512.Create(a5[3]), bv, c5);
            c6 = Avx512F.FusedMultiplyAdd(Vector512.Create(a6[3]), bv, c6);
            c7 = Avx512F.FusedMultiplyAdd(Vector512.Create(a7[3]), bv, c7);
            c8 = Avx512F.FusedMultiplyAdd(Vector512.Create(a8[3]), bv, c8);
            c9 = Avx512F.FusedMultiplyAdd(Vector512.Create(a9[3]), bv, c9);
            a0 += 4; a1 += 4; a2 += 4; a3 += 4; a4 += 4; a5 += 4; a6 += 4; a7 += 4; a8 += 4; a9 += 4;
            b += 4 * bStep;
        }

        for (; p < k; p++)
        {
            Vector512<float> bv = Vector512.Load(b);
            c0 = Avx512F.FusedMultiplyAdd(Vector512.Create(a0[0]), bv, c0);
            c1 = Avx512F.FusedMultiplyAdd(Vector512.Create(a1[0]), bv, c1);
            c2 = Avx512F.FusedMultiplyAdd(Vector512.Create(a2[0]), bv, c2);
            c3 = Avx512F.FusedMultiplyAdd(Vector512.Create(a3[0]), bv, c3);
            c4 = Avx512F.FusedMultiplyAdd(Vector512.Create(a4[0]), bv, c4);
            c5 = Avx512F.FusedMultiplyAdd(Vector512.Create(a5[0]), bv, c5);
            c6 = Avx512F.FusedMultiplyAdd(Vector512.Create(a6[0]), bv, c6);
            c7 = Avx512F.FusedMultiplyAdd(Vector512.Create(a7[0]), bv, c7);
            c8 = Avx512F.FusedMultiplyAdd(Vector512.Create(a8[0]), bv, c8);
            c9 = Avx512F.FusedMultiplyAdd(Vector512.Create(a9[0]), bv, c9);
            a0++; a1++; a2++; a3++; a4++; a5++; a6++; a7++; a8++; a9++;
            b += bStep;
        }

        c0.Store(tile);
        c1.Store(tile + 16);
        c2.Store(tile + 32);
        c3.Store(tile + 48);
        c4.Store(tile + 64);
        c5.Store(tile + 80);
        c6.Store(tile + 96);
        c7.Store(tile + 112);
        c8.Store(tile + 128);
        c9.Store(tile + 144);
    }

    /// <summary>
    /// 10×32 block over two adjacent 16-column panels (b and b + panelStride): twenty 512-bit accumulators, so each
    /// broadcast of A feeds two fused multiply-adds and loads (12 per step) no longer bound the loop; the 10×16 block
    /// needs 11 loads for 10 multiply-adds and reaches only about 60% of the FMA peak. Each C element is still one
    /// chain of FMAs in increasing p, so the result is bit-identical to the 10×16 block. The tile holds the left
    /// 10×16 half, then the right half.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Block512Wide(int k, float* a, nint aStep, float* b, nint panelStride, float* tile)
    {
        Vector512<float> c0 = default, c1 = default, c2 = default, c3 = default, c4 = default;
        Vector512<float> c5 = default, c6 = default, c7 = default, c8 = default, c9 = default;
        Vector512<float> d0 = default, d1 = default, d2 = default, d3 = default, d4 = default;
        Vector512<float> d5 = default, d6 = default, d7 = default, d8 = default, d9 = default;
        Vector512<float> bl, bh, x;
        float* b2 = b + panelStride;
        for (int p = 0; p < k; p++)
        {
            bl = Vector512.Load(b);
            bh = Vector512.Load(b2);
            x = Vector512.Create(a[0]);
            c0 = Avx512F.FusedMultiplyAdd(x, bl, c0);
            d0 = Avx512F.FusedMultiplyAdd(x, bh, d0);
            x = Vector512.Create(a[1]);
            c1 = Avx512F.FusedMultiplyAdd(x, bl, c1);
            d1 = Avx512F.FusedMultiplyAdd(x, bh, d1);
            x = Vector512.Create(a[2]);
            c2 = Avx512F.FusedMultiplyAdd(x, bl, c2);
            d2 = Avx512F.FusedMultiplyAdd(x, bh, d2);
            x = Vector512.Create(a[3]);
            c3 = Avx512F.FusedMultiplyAdd(x, bl, c3);
            d3 = Avx512F.FusedMultiplyAdd(x, bh, d3);
            x = Vector512.Create(a[4]);
            c4 = Avx512F.FusedMultiplyAdd(x, bl, c4);
            d4 = Avx512F.FusedMultiplyAdd(x, bh, d4);
            x = Vector512.Create(a[5]);
            c5 = Avx512F.FusedMultiplyAdd(x, bl, c5);
            d5 = Avx512F.FusedMultiplyAdd(x, bh, d5);
            x = Vector512.Create(a[6]);
            c6 = Avx512F.FusedMultiplyAdd(x, bl, c6);
            d6 = Avx512F.FusedMultiplyAdd(x, bh, d6);
            x = Vector512.Create(a[7]);
            c7 = Avx512F.FusedMultiplyAdd(x, bl, c7);
            d7 = Avx512F.FusedMultiplyAdd(x, bh, d7);
            x = Vector512.Create(a[8]);
            c8 = Avx512F.FusedMultiplyAdd(x, bl, c8);
            d8 = Avx512F.FusedMultiplyAdd(x, bh, d8);
            x = Vector512.Create(a[9]);
            c9 = Avx512F.FusedMultiplyAdd(x, bl, c9);
            d9 = Avx512F.FusedMultiplyAdd(x, bh, d9);
            a += aStep;
            b += Columns;
            b2 += Columns;
        }

        c0.Store(tile + 0);
        c1.Store(tile + 16);
        c2.Store(tile + 32);
        c3.Store(tile + 48);
        c4.Store(tile + 64);
        c5.Store(tile + 80);
        c6.Store(tile + 96);
        c7.Store(tile + 112);
        c8.Store(tile + 128);
        c9.Store(tile + 144);
        d0.Store(tile + 160);
        d1.Store(tile + 176);
        d2.Store(tile + 192);
        d3.Store(tile + 208);
        d4.Store(tile + 224);
        d5.Store(tile + 240);
        d6.Store(tile + 256);
        d7.Store(tile + 272);
        d8.Store(tile + 288);
        d9.Store(tile + 304);
    }

    /// <summary>The 10×32 block reading ten rows of A in place through <paramref name="rows"/> (see <see cref="Block512Rows"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Block512RowsWide(int k, float** rows, float* b, nint panelStride, float* tile)
    {
        Vector512<float> c0 = default, c1 = default, c2 = default, c3 = default, c4 = default;
        Vector512<float> c5 = default, c6 = default, c7 = default, c8 = default, c9 = default;
        Vector512<float> d0 = default, d1 = default, d2 = default, d3 = default, d4 = default;
        Vector512<float> d5 = default, d6 = default, d7 = default, d8 = default, d9 = default;
        Vector512<float> bl, bh, x;
        float* a0 = rows[0], a1 = rows[1], a2 = rows[2], a3 = rows[3], a4 = rows[4];
        float* a5 = rows[5], a6 = rows[6], a7 = rows[7], a8 = rows[8], a9 = rows[9];
        float* b2 = b + panelStride;
        for (int p = 0; p < k; p++)
        {
            bl = Vector512.Load(b);
            bh = Vector512.Load(b2);
            x = Vector512.Create(a0[p]);
            c0 = Avx512F.FusedMultiplyAdd(x, bl, c0);
            d0 = Avx512F.FusedMultiplyAdd(x, bh, d0);
            x = Vector512.Create(a1[p]);
            c1 = Avx512F.FusedMultiplyAdd(x, bl, c1);
            d1 = Avx512F.FusedMultiplyAdd(x, bh, d1);
            x = Vector512.Create(a2[p]);
            c2 = Avx512F.FusedMultiplyAdd(x, bl, c2);
            d2 = Avx512F.FusedMultiplyAdd(x, bh, d2);
            x = Vector512.Create(a3[p]);
            c3 = Avx512F.FusedMultiplyAdd(x, bl, c3);
            d3 = Avx512F.FusedMultiplyAdd(x, bh, d3);
            x = Vector512.Create(a4[p]);
            c4 = Avx512F.FusedMultiplyAdd(x, bl, c4);
            d4 = Avx512F.FusedMultiplyAdd(x, bh, d4);
            x = Vector512.Create(a5[p]);
            c5 = Avx512F.FusedMultiplyAdd(x, bl, c5);
            d5 = Avx512F.FusedMultiplyAdd(x, bh, d5);
            x = Vector512.Create(a6[p]);
            c6 = Avx512F.FusedMultiplyAdd(x, bl, c6);
            d6 = Avx512F.FusedMultiplyAdd(x, bh, d6);
            x = Vector512.Create(a7[p]);
            c7 = Avx512F.FusedMultiplyAdd(x, bl, c7);
            d7 = Avx512F.FusedMultiplyAdd(x, bh, d7);
            x = Vector512.Create(a8[p]);
            c8 = Avx512F.FusedMultiplyAdd(x, bl, c8);
            d8 = Avx512F.FusedMultiplyAdd(x, bh, d8);
            x = Vector512.Create(a9[p]);
            c9 = Avx512F.FusedMultiplyAdd(x, bl, c9);
            d9 = Avx512F.FusedMultiplyAdd(x, bh, d9);
            b += Columns;
            b2 += Columns;
        }

        c0.Store(tile + 0);
        c1.Store(tile + 16);
        c2.Store(tile + 32);
        c3.Store(tile + 48);
        c4.Store(tile + 64);
        c5.Store(tile + 80);
        c6.Store(tile + 96);
        c7.Store(tile + 112);
        c8.Store(tile + 128);
        c9.Store(tile + 144);
        d0.Store(tile + 160);
        d1.Store(tile + 176);
        d2.Store(tile + 192);
        d3.Store(tile + 208);
        d4.Store(tile + 224);
        d5.Store(tile + 240);
        d6.Store(tile + 256);
        d7.Store(tile + 272);
        d8.Store(tile + 288);
        d9.Store(tile + 304);
    }

    /// <summary>
    /// The 10×32 block reading ten rows of A in place at a fixed stride (row i at a + i·lda): four row pointers and
    /// two scaled indices address all ten rows, so nothing spills to the stack (ten separate pointers do). Indexed
    /// addresses cost nothing extra here because each broadcast is a plain load feeding two register FMAs.
    /// The steps of a row run in segments of <paramref name="segment"/>, the next segment starting
    /// <paramref name="segmentJump"/> floats after the end of the last: a row-major A is one segment of k steps
    /// (jump 0); A held in the panel layout (<c>Sgemm.PackRows</c>, row i of a panel at +16·i) is segments of 16
    /// steps, one panel apart, so the weights a two-lane update keeps only as panels are read where they are.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Block512StridedWide(int k, float* a, nint lda, float* b, nint panelStride, float* tile, int segment, nint segmentJump)
    {
        Vector512<float> c0 = default, c1 = default, c2 = default, c3 = default, c4 = default;
        Vector512<float> c5 = default, c6 = default, c7 = default, c8 = default, c9 = default;
        Vector512<float> d0 = default, d1 = default, d2 = default, d3 = default, d4 = default;
        Vector512<float> d5 = default, d6 = default, d7 = default, d8 = default, d9 = default;
        Vector512<float> bl, bh, x;
        float* a0 = a;
        float* a3 = a + (3 * lda);
        float* a6 = a + (6 * lda);
        float* a9 = a + (9 * lda);
        nint lda2 = 2 * lda;
        float* b2 = b + panelStride;
        for (int p0 = 0; p0 < k; p0 += segment)
        {
            int end = Math.Min(k, p0 + segment);
            if (segmentJump != 0 && end < k)
            {
                // The next segment lies a panel away, where no hardware prefetcher follows the rows: ask for its ten
                // lines (one per row) now. On weights fresh from the shared cache this cut the panel layout's extra
                // cost over row-major rows from about 23 % to 8 % (δ·Wᵀ at 50×500×500).
                float* next = a0 + (end - p0) + segmentJump;
                Sse.Prefetch0(next);
                Sse.Prefetch0(next + lda);
                Sse.Prefetch0(next + lda2);
                Sse.Prefetch0(next + (3 * lda));
                Sse.Prefetch0(next + (4 * lda));
                Sse.Prefetch0(next + (5 * lda));
                Sse.Prefetch0(next + (6 * lda));
                Sse.Prefetch0(next + (7 * lda));
                Sse.Prefetch0(next + (8 * lda));
                Sse.Prefetch0(next + (9 * lda));
            }

            for (int p = p0; p < end; p++)
            {
                bl = Vector512.Load(b);
                bh = Vector512.Load(b2);
                x = Vector512.Create(a0[0]);
                c0 = Avx512F.FusedMultiplyAdd(x, bl, c0);
                d0 = Avx512F.FusedMultiplyAdd(x, bh, d0);
                x = Vector512.Create(a0[lda]);
                c1 = Avx512F.FusedMultiplyAdd(x, bl, c1);
                d1 = Avx512F.FusedMultiplyAdd(x, bh, d1);
                x = Vector512.Create(a0[lda2]);
                c2 = Avx512F.FusedMultiplyAdd(x, bl, c2);
                d2 = Avx512F.FusedMultiplyAdd(x, bh, d2);
                x = Vector512.Create(a3[0]);
                c3 = Avx512F.FusedMultiplyAdd(x, bl, c3);
                d3 = Avx512F.FusedMultiplyAdd(x, bh, d3);
                x = Vector512.Create(a3[lda]);
                c4 = Avx512F.FusedMultiplyAdd(x, bl, c4);
                d4 = Avx512F.FusedMultiplyAdd(x, bh, d4);
                x = Vector512.Create(a3[lda2]);
                c5 = Avx512F.FusedMultiplyAdd(x, bl, c5);
                d5 = Avx512F.FusedMultiplyAdd(x, bh, d5);
                x = Vector512.Create(a6[0]);
                c6 = Avx512F.FusedMultiplyAdd(x, bl, c6);
                d6 = Avx512F.FusedMultiplyAdd(x, bh, d6);
                x = Vector512.Create(a6[lda]);
                c7 = Avx512F.FusedMultiplyAdd(x, bl, c7);
                d7 = Avx512F.FusedMultiplyAdd(x, bh, d7);
                x = Vector512.Create(a6[lda2]);
                c8 = Avx512F.FusedMultiplyAdd(x, bl, c8);
                d8 = Avx512F.FusedMultiplyAdd(x, bh, d8);
                x = Vector512.Create(a9[0]);
                c9 = Avx512F.FusedMultiplyAdd(x, bl, c9);
                d9 = Avx512F.FusedMultiplyAdd(x, bh, d9);
                a0++;
                a3++;
                a6++;
                a9++;
                b += Columns;
                b2 += Columns;
            }

            a0 += segmentJump;
            a3 += segmentJump;
            a6 += segmentJump;
            a9 += segmentJump;
        }

        c0.Store(tile + 0);
        c1.Store(tile + 16);
        c2.Store(tile + 32);
        c3.Store(tile + 48);
        c4.Store(tile + 64);
        c5.Store(tile + 80);
        c6.Store(tile + 96);
        c7.Store(tile + 112);
        c8.Store(tile + 128);
        c9.Store(tile + 144);
        d0.Store(tile + 160);
        d1.Store(tile + 176);
        d2.Store(tile + 192);
        d3.Store(tile + 208);
        d4.Store(tile + 224);
        d5.Store(tile + 240);
        d6.Store(tile + 256);
        d7.Store(tile + 272);
        d8.Store(tile + 288);
        d9.Store(tile + 304);
    }

    /// <summary>
    /// The 10×32 block of <see cref="Block512StridedWide"/> for a row-major A (one segment), asking at every step for
    /// one 64-byte line from <paramref name="prefetch"/> on into L2: the panel-pair-outer forward product
    /// (<c>Sgemm.PairOuter.cs</c>) brings in the next panel pair this way. A separate kernel because a prefetch count
    /// or a segment loop beside it leaves too few registers: the row pointers then spill to the stack in the loop.
    /// Two row bases (rows 0–4 and 5–9, at one to four row strides), the second panel addressed from the first and the
    /// loop ended on B's pointer leave 7 µops of overhead per step instead of 11 (42 → 38 per ten-cycle step of
    /// twenty FMAs, the front end's four per cycle): a 50×500×500 lane product 1–5 % less (min, quartile and median,
    /// alternating call by call, W in L2 and in L3).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Block512StridedWidePrefetching(int k, float* a, nint lda, float* b, nint panelStride, float* tile, float* prefetch)
    {
        Vector512<float> c0 = default, c1 = default, c2 = default, c3 = default, c4 = default;
        Vector512<float> c5 = default, c6 = default, c7 = default, c8 = default, c9 = default;
        Vector512<float> d0 = default, d1 = default, d2 = default, d3 = default, d4 = default;
        Vector512<float> d5 = default, d6 = default, d7 = default, d8 = default, d9 = default;
        Vector512<float> bl, bh, x;
        float* a0 = a;
        float* a5 = a + (5 * lda);
        nint lda2 = 2 * lda;
        nint lda3 = 3 * lda;
        nint lda4 = 4 * lda;
        float* end = b + ((nint)k * Columns);
        for (; b < end; b += Columns)
        {
            Sse.Prefetch1(prefetch);
            prefetch += Columns;
            bl = Vector512.Load(b);
            bh = Vector512.Load(b + panelStride);
            x = Vector512.Create(a0[0]);
            c0 = Avx512F.FusedMultiplyAdd(x, bl, c0);
            d0 = Avx512F.FusedMultiplyAdd(x, bh, d0);
            x = Vector512.Create(a0[lda]);
            c1 = Avx512F.FusedMultiplyAdd(x, bl, c1);
            d1 = Avx512F.FusedMultiplyAdd(x, bh, d1);
            x = Vector512.Create(a0[lda2]);
            c2 = Avx512F.FusedMultiplyAdd(x, bl, c2);
            d2 = Avx512F.FusedMultiplyAdd(x, bh, d2);
            x = Vector512.Create(a0[lda3]);
            c3 = Avx512F.FusedMultiplyAdd(x, bl, c3);
            d3 = Avx512F.FusedMultiplyAdd(x, bh, d3);
            x = Vector512.Create(a0[lda4]);
            c4 = Avx512F.FusedMultiplyAdd(x, bl, c4);
            d4 = Avx512F.FusedMultiplyAdd(x, bh, d4);
            x = Vector512.Create(a5[0]);
            c5 = Avx512F.FusedMultiplyAdd(x, bl, c5);
            d5 = Avx512F.FusedMultiplyAdd(x, bh, d5);
            x = Vector512.Create(a5[lda]);
            c6 = Avx512F.FusedMultiplyAdd(x, bl, c6);
            d6 = Avx512F.FusedMultiplyAdd(x, bh, d6);
            x = Vector512.Create(a5[lda2]);
            c7 = Avx512F.FusedMultiplyAdd(x, bl, c7);
            d7 = Avx512F.FusedMultiplyAdd(x, bh, d7);
            x = Vector512.Create(a5[lda3]);
            c8 = Avx512F.FusedMultiplyAdd(x, bl, c8);
            d8 = Avx512F.FusedMultiplyAdd(x, bh, d8);
            x = Vector512.Create(a5[lda4]);
            c9 = Avx512F.FusedMultiplyAdd(x, bl, c9);
            d9 = Avx512F.FusedMultiplyAdd(x, bh, d9);
            a0++;
            a5++;
        }

        c0.Store(tile + 0);
        c1.Store(tile + 16);
        c2.Store(tile + 32);
        c3.Store(tile + 48);
        c4.Store(tile + 64);
        c5.Store(tile + 80);
        c6.Store(tile + 96);
        c7.Store(tile + 112);
        c8.Store(tile + 128);
        c9.Store(tile + 144);
        d0.Store(tile + 160);
        d1.Store(tile + 176);
        d2.Store(tile + 192);
        d3.Store(tile + 208);
        d4.Store(tile + 224);
        d5.Store(tile + 240);
        d6.Store(tile + 256);
        d7.Store(tile + 272);
        d8.Store(tile + 288);
        d9.Store(tile + 304);
    }

    /// <summary>
    /// The 10×16 block of <see cref="Block512StridedWide"/> for a lone last panel: ten rows of A in place at stride
    /// <paramref name="lda"/>, read in segments of <paramref name="segment"/> steps <paramref name="segmentJump"/>
    /// floats apart (A in the panel layout), so an odd number of panels does not send every block of A through a copy.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Block512Strided(int k, float* a, nint lda, float* b, float* tile, int segment, nint segmentJump)
    {
        Vector512<float> c0 = default, c1 = default, c2 = default, c3 = default, c4 = default;
        Vector512<float> c5 = default, c6 = default, c7 = default, c8 = default, c9 = default;
        Vector512<float> bv;
        float* a0 = a;
        float* a3 = a + (3 * lda);
        float* a6 = a + (6 * lda);
        float* a9 = a + (9 * lda);
        nint lda2 = 2 * lda;
        for (int p0 = 0; p0 < k; p0 += segment)
        {
            int end = Math.Min(k, p0 + segment);
            for (int p = p0; p < end; p++)
            {
                bv = Vector512.Load(b);
                c0 = Avx512F.FusedMultiplyAdd(Vector512.Create(a0[0]), bv, c0);
                c1 = Avx512F.FusedMultiplyAdd(Vector512.Create(a0[lda]), bv, c1);
                c2 = Avx512F.FusedMultiplyAdd(Vector512.Create(a0[lda2]), bv, c2);
                c3 = Avx512F.FusedMultiplyAdd(Vector512.Create(a3[0]), bv, c3);
                c4 = Avx512F.FusedMultiplyAdd(Vector512.Create(a3[lda]), bv, c4);
                c5 = Avx512F.FusedMultiplyAdd(Vector512.Create(a3[lda2]), bv, c5);
                c6 = Avx512F.FusedMultiplyAdd(Vector512.Create(a6[0]), bv, c6);
                c7 = Avx512F.FusedMultiplyAdd(Vector512.Create(a6[lda]), bv, c7);
                c8 = Avx512F.FusedMultiplyAdd(Vector512.Create(a6[lda2]), bv, c8);
                c9 = Avx512F.FusedMultiplyAdd(Vector512.Create(a9[0]), bv, c9);
                a0++;
                a3++;
                a6++;
                a9++;
                b += Columns;
            }

            a0 += segmentJump;
            a3 += segmentJump;
            a6 += segmentJump;
            a9 += segmentJump;
        }

        c0.Store(tile);
        c1.Store(tile + 16);
        c2.Store(tile + 32);
        c3.Store(tile + 48);
        c4.Store(tile + 64);
        c5.Store(tile + 80);
        c6.Store(tile + 96);
        c7.Store(tile + 112);
        c8.Store(tile + 128);
        c9.Store(tile + 144);
    }

    /// <summary>5×16 block: two 256-bit accumulators per row, ten in all.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Block256(int k, float* a, nint aStep, float* b, nint bStep, float* tile)
    {
        Vector256<float> c0 = default, c1 = default, c2 = default, c3 = default, c4 = default;
        Vector256<float> d0 = default, d1 = default, d2 = default, d3 = default, d4 = default;
        for (int p = 0; p < k; p++)
        {
            Vector256<float> lo = Vector256.Load(b);
            Vector256<float> hi = Vector256.Load(b + 8);
            Vector256<float> x = Vector256.Create(a[0]);
            c0 = Vector256.FusedMultiplyAdd(x, lo, c0);
            d0 = Vector256.FusedMultiplyAdd(x, hi, d0);
            x = Vector256.Create(a[1]);
            c1 = Vector256.FusedMultiplyAdd(x, lo, c1);
            d1 = Vector256.FusedMultiplyAdd(x, hi, d1);
            x = Vector256.Create(a[2]);
            c2 = Vector256.FusedMultiplyAdd(x, lo, c2);
            d2 = Vector256.FusedMultiplyAdd(x, hi, d2);
            x = Vector256.Create(a[3]);
            c3 = Vector256.FusedMultiplyAdd(x, lo, c3);
            d3 = Vector256.FusedMultiplyAdd(x, hi, d3);
            x = Vector256.Create(a[4]);
            c4 = Vector256.FusedMultiplyAdd(x, lo, c4);
            d4 = Vector256.FusedMultiplyAdd(x, hi, d4);
            a += aStep;
            b += bStep;
        }

        c0.Store(tile);
        d0.Store(tile + 8);
        c1.Store(tile + 16);
        d1.Store(tile + 24);
        c2.Store(tile + 32);
        d2.Store(tile + 40);
        c3.Store(tile + 48);
        d3.Store(tile + 56);
        c4.Store(tile + 64);
        d4.Store(tile + 72);
    }

    /// <summary>4×16 block in scalar arithmetic (separate multiply and add), the fallback without intrinsics.</summary>
    public static void BlockScalar(int k, float* a, nint aStep, float* b, nint bStep, float* tile)
    {
        const int rows = 4;
        new Span<float>(tile, rows * Columns).Clear();
        for (int p = 0; p < k; p++)
        {
            for (int i = 0; i < rows; i++)
            {
                float x = a[i];
                float* t = tile + (i * Columns);
                for (int j = 0; j < Columns; j++)
                {
                    t[j] += x * b[j];
                }
            }

            a += aStep;
            b += bStep;
        }
    }
}

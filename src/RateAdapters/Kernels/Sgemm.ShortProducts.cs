using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NeuroLc.RateAdapters.Kernels;

/// <summary>
/// Products with few steps, which the register-blocked kernel serves badly: each 10×32 block of C costs k steps of
/// fused multiply-adds and then the block's round trip through the tile buffer, a fixed cost as large as the steps
/// when k is 1 to 16.
/// <list type="bullet">
/// <item>k = 1, C ← α·(a ⊗ b): the learning channel of a network with one output (SRBP's and RBP's e·C^h for
/// Figure 12's 2-500×5-1 and the HIGGS networks of Figures 13–14). In a Figure 12 SRBP step these products and their
/// epilogue took 6.3 % of the samples, for 0.1 % of the flops; as outer products 4.0 %.</item>
/// <item>2 ≤ k ≤ 16 with B in panels: SRBP's e·C^h with ten outputs (Figure 7, 50×100×10 per lane), two rows of C
/// at a time as sixteen 16-column chains, B's rows read from L1.</item>
/// </list>
/// Same bits as the kernel: every element is fma(a_{i,k−1}, b_{k−1,j}, … fma(a_{i,0}, b_{0,j}, 0)), the kernel's chain
/// from +0 (which turns a product of −0 into +0), then α times it.
/// </summary>
public sealed unsafe partial class Sgemm
{
    /// <summary>Most steps of a product that takes the short path with B in panels.</summary>
    private const int ShortProductMaximumK = 16;

    /// <summary>Column panels (16 wide) of C that one pass of the short path keeps in registers.</summary>
    private const int ShortProductPanels = 8;

    /// <summary>The panel that passes past the last panel read: zeros for every step, never written.</summary>
    private static readonly float[] ShortProductZeros = GC.AllocateArray<float>(ShortProductMaximumK * Nr, pinned: true);

    /// <summary>
    /// Whether products with few steps take the paths of this file (the default); the tests switch it off to compare
    /// with the kernel.
    /// </summary>
    internal bool ShortProducts { get; set; } = true;

    /// <summary>
    /// Whether the call in flight can take the outer-product path: k = 1, C row-major and not read (β = 0), no
    /// transposed or added copies of C, and 512-bit vectors (the other paths keep the general kernel).
    /// </summary>
    private bool OuterProductFits(int k, float beta) =>
        ShortProducts && k == 1 && beta == 0f && !_bInPanels && !_cInPanels && _cAddInto == null && _cTransposed == null
        && _path == SgemmPath.Vector512;

    /// <summary>
    /// C[i, j] ← α·fma(op(A)[i, 0], op(B)[0, j], 0) for all i &lt; m, j &lt; n, on the calling thread, then the epilogue
    /// once for all rows. op(B)'s row comes from the prepacked panels when the call has them (with k = 1 the panel
    /// layout is the row, zero-padded), else from B (a column of an n×1 B when transposed).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void MultiplyOuter(bool transposeA, bool transposeB, int m, int n, float alpha, float* a, int lda, float** aRows,
        float* b, int ldb, float* c, int ldc, Action<int, int>? epilogue)
    {
        float* row = _bPrepacked;
        _bPrepacked = null;
        if (row == null && transposeB && n > 0)
        {
            if (_bPack.Length < n)
            {
                _bPack = GC.AllocateUninitializedArray<float>(n, pinned: true);
            }

            row = (float*)Unsafe.AsPointer(ref _bPack[0]);
            for (int j = 0; j < n; j++)
            {
                row[j] = b[(long)j * ldb];
            }
        }
        else if (row == null)
        {
            row = b;
        }

        Vector512<float> scale = Vector512.Create(alpha);
        Vector512<float> ragged = Vector512.LessThan(Vector512<int>.Indices, Vector512.Create(n % Nr)).AsSingle();
        int whole = n - (n % Nr);
        for (int i = 0; i < m; i++)
        {
            // op(A)[i, 0]: A's row i, or with A transposed (1×m) its only row.
            float ai = transposeA ? (aRows != null ? aRows[0][i] : a[i]) : (aRows != null ? aRows[i][0] : a[(long)i * lda]);
            Vector512<float> s = Vector512.Create(ai);
            float* ci = c + ((long)i * ldc);
            int j = 0;
            for (; j < whole; j += Nr)
            {
                (Avx512F.FusedMultiplyAdd(s, Vector512.Load(row + j), Vector512<float>.Zero) * scale).Store(ci + j);
            }

            if (j < n)
            {
                Vector512<float> bj = Avx512F.MaskLoad(row + j, ragged, Vector512<float>.Zero);
                Avx512F.MaskStore(ci + j, ragged, Avx512F.FusedMultiplyAdd(s, bj, Vector512<float>.Zero) * scale);
            }
        }

        epilogue?.Invoke(0, m);
    }

    /// <summary>
    /// Whether the call in flight can take the short path with B in panels: 2 ≤ k ≤ 16, B prepacked, A not
    /// transposed, C row-major and not read (β = 0), no transposed or added copies of C, 512-bit vectors.
    /// </summary>
    private bool ShortPanelProductFits(bool transposeA, int k, float beta) =>
        ShortProducts && k >= 2 && k <= ShortProductMaximumK && _bPrepacked != null && !transposeA && beta == 0f && !_bInPanels
        && !_cInPanels && _cAddInto == null && _cTransposed == null && _path == SgemmPath.Vector512;

    /// <summary>
    /// C ← α·A·B with B's k rows in the panel layout (panel q's step p at q·k·16 + p·16): for each pair of rows of C,
    /// up to eight panels at once, one chain over p per row and 16 columns, then the epilogue once for all rows.
    /// Panels past the last one of a pass read a zero row and are not stored.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void MultiplyShortPanels(int m, int n, int k, float alpha, float* a, int lda, float** aRows, float* c, int ldc,
        Action<int, int>? epilogue)
    {
        float* panels = _bPrepacked;
        _bPrepacked = null;
        int panelCount = PanelCount(n);
        float* zeros = (float*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(ShortProductZeros));
        Vector512<float> scale = Vector512.Create(alpha);
        long panelFloats = (long)k * Nr;
        for (int q0 = 0; q0 < panelCount; q0 += ShortProductPanels)
        {
            // Eight panel pointers in locals, so the loop keeps them in registers; panels past the last read zeros.
            int group = Math.Min(ShortProductPanels, panelCount - q0);
            float* first = panels + (q0 * panelFloats);
            float* b0 = first;
            float* b1 = group > 1 ? first + panelFloats : zeros;
            float* b2 = group > 2 ? first + (2 * panelFloats) : zeros;
            float* b3 = group > 3 ? first + (3 * panelFloats) : zeros;
            float* b4 = group > 4 ? first + (4 * panelFloats) : zeros;
            float* b5 = group > 5 ? first + (5 * panelFloats) : zeros;
            float* b6 = group > 6 ? first + (6 * panelFloats) : zeros;
            float* b7 = group > 7 ? first + (7 * panelFloats) : zeros;
            // Two rows at a time: sixteen independent chains hide the fused multiply-add's latency (eight did not:
            // a row's k steps waited on each other), and each panel row loaded serves both. An odd last row is
            // computed twice and stored once.
            for (int i = 0; i < m; i += 2)
            {
                float* x = aRows != null ? aRows[i] : a + ((long)i * lda);
                float* y = i + 1 < m ? (aRows != null ? aRows[i + 1] : x + lda) : x;
                Vector512<float> c0 = default, c1 = default, c2 = default, c3 = default;
                Vector512<float> c4 = default, c5 = default, c6 = default, c7 = default;
                Vector512<float> d0 = default, d1 = default, d2 = default, d3 = default;
                Vector512<float> d4 = default, d5 = default, d6 = default, d7 = default;
                for (int p = 0; p < k; p++)
                {
                    Vector512<float> s = Vector512.Create(x[p]);
                    Vector512<float> t = Vector512.Create(y[p]);
                    int step = p * Nr;
                    Vector512<float> w = Vector512.Load(b0 + step);
                    c0 = Avx512F.FusedMultiplyAdd(s, w, c0);
                    d0 = Avx512F.FusedMultiplyAdd(t, w, d0);
                    w = Vector512.Load(b1 + step);
                    c1 = Avx512F.FusedMultiplyAdd(s, w, c1);
                    d1 = Avx512F.FusedMultiplyAdd(t, w, d1);
                    w = Vector512.Load(b2 + step);
                    c2 = Avx512F.FusedMultiplyAdd(s, w, c2);
                    d2 = Avx512F.FusedMultiplyAdd(t, w, d2);
                    w = Vector512.Load(b3 + step);
                    c3 = Avx512F.FusedMultiplyAdd(s, w, c3);
                    d3 = Avx512F.FusedMultiplyAdd(t, w, d3);
                    w = Vector512.Load(b4 + step);
                    c4 = Avx512F.FusedMultiplyAdd(s, w, c4);
                    d4 = Avx512F.FusedMultiplyAdd(t, w, d4);
                    w = Vector512.Load(b5 + step);
                    c5 = Avx512F.FusedMultiplyAdd(s, w, c5);
                    d5 = Avx512F.FusedMultiplyAdd(t, w, d5);
                    w = Vector512.Load(b6 + step);
                    c6 = Avx512F.FusedMultiplyAdd(s, w, c6);
                    d6 = Avx512F.FusedMultiplyAdd(t, w, d6);
                    w = Vector512.Load(b7 + step);
                    c7 = Avx512F.FusedMultiplyAdd(s, w, c7);
                    d7 = Avx512F.FusedMultiplyAdd(t, w, d7);
                }

                int columns = n - (q0 * Nr);
                float* ci = c + ((long)i * ldc) + (q0 * Nr);
                StoreShortRow(ci, columns, scale, c0, c1, c2, c3, c4, c5, c6, c7);
                if (i + 1 < m)
                {
                    StoreShortRow(ci + ldc, columns, scale, d0, d1, d2, d3, d4, d5, d6, d7);
                }
            }
        }

        epilogue?.Invoke(0, m);
    }

    /// <summary>α times eight 16-column chains into a row of C whose remaining width is <paramref name="columns"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreShortRow(float* row, int columns, Vector512<float> scale, Vector512<float> v0, Vector512<float> v1,
        Vector512<float> v2, Vector512<float> v3, Vector512<float> v4, Vector512<float> v5, Vector512<float> v6, Vector512<float> v7)
    {
        StoreShortPanel(row, columns, 0, v0 * scale);
        StoreShortPanel(row, columns, 1, v1 * scale);
        StoreShortPanel(row, columns, 2, v2 * scale);
        StoreShortPanel(row, columns, 3, v3 * scale);
        StoreShortPanel(row, columns, 4, v4 * scale);
        StoreShortPanel(row, columns, 5, v5 * scale);
        StoreShortPanel(row, columns, 6, v6 * scale);
        StoreShortPanel(row, columns, 7, v7 * scale);
    }

    /// <summary>Stores panel <paramref name="q"/> of a row whose remaining width is <paramref name="columns"/>: whole, masked, or not at all.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreShortPanel(float* row, int columns, int q, Vector512<float> value)
    {
        int left = columns - (q * Nr);
        if (left >= Nr)
        {
            value.Store(row + (q * Nr));
        }
        else if (left > 0)
        {
            Vector512<float> mask = Vector512.LessThan(Vector512<int>.Indices, Vector512.Create(left)).AsSingle();
            Avx512F.MaskStore(row + (q * Nr), mask, value);
        }
    }
}

using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NeuroLc.RateAdapters.Kernels;

/// <summary>
/// Products with k = 1, C ← α·(a ⊗ b): the learning channel of a network with one output (SRBP's and RBP's
/// e·C^h for Figure 12's 2-500×5-1 and the HIGGS networks of Figures 13–14) multiplies a column of errors by one row
/// of C^h. Through the register-blocked kernel each 10×32 block of C cost one step of fused multiply-adds and then
/// the whole block's round trip through the tile buffer: in a Figure 12 SRBP step these products took 4–5 % of the
/// time (sampled), for 0.1 % of its flops. Here every row of C is α times one row scaled by a_i, written once.
/// Same bits as the kernel: t = fma(a_i, b_j, 0) (the kernel's chain of one step from zero, which turns a product of
/// −0 into +0), then α·t.
/// </summary>
public sealed unsafe partial class Sgemm
{
    /// <summary>Whether k = 1 products take the outer-product path (the default); the tests switch it off to compare.</summary>
    internal bool OuterProducts { get; set; } = true;

    /// <summary>
    /// Whether the call in flight can take the outer-product path: k = 1, C row-major and not read (β = 0), no
    /// transposed or added copies of C, and 512-bit vectors (the other paths keep the general kernel).
    /// </summary>
    private bool OuterProductFits(int k, float beta) =>
        OuterProducts && k == 1 && beta == 0f && !_bInPanels && !_cInPanels && _cAddInto == null && _cTransposed == null
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
}

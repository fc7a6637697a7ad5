namespace NeuroLc.RateAdapters.Kernels;

/// <summary>
/// Products whose weight operand is held only in the packed panel layout of <see cref="Sgemm.PackRows"/> (panel q
/// holds columns 16q..16q+15 of a k×n matrix, row p at q·k·16 + p·16). A two-lane training step keeps a wide W^h
/// there and nowhere else: the update writes its result into the panels, the forward product reads them as they are,
/// and BP's learning channel reads the rows of W from them. No row-major copy is written back and re-packed every
/// step, which on Figure 12's 1 MB layers cost as much as a sixth of the update.
/// </summary>
public sealed unsafe partial class Sgemm
{
    /// <summary>
    /// C ← α·op(A)·B + β·C with C (m×n) in the panel layout: with β = 1 this is W ← W + α·op(A)·B on the panel copy
    /// itself. <paramref name="epilogue"/> gets row ranges of C as in the row-major product.
    /// </summary>
    /// <remarks>
    /// With <paramref name="addInto"/> (panels of the same shape), each tile of C, once stored, is also added to the
    /// same tile there: the momentum update V ← μ·V + α·op(A)·B, W ← W + V of a weight matrix kept only as panels
    /// (C = V, <paramref name="addInto"/> = W), while the tile of V is in L1. Row-major, the velocity was added and the
    /// weights re-packed row group by row group after the product; each element gets the same two roundings.
    /// </remarks>
    internal void MultiplyIntoPanels(bool transposeA, int m, int n, int k, float alpha, float* a, int lda, float** aRows,
        float* b, int ldb, float beta, float* cPanels, Action<int, int>? epilogue, float* addInto = null)
    {
        _cInPanels = true;
        _cAddInto = addInto;
        try
        {
            Multiply(transposeA, false, m, n, k, alpha, a, lda, aRows, b, ldb, beta, cPanels, Nr, epilogue);
        }
        finally
        {
            _cInPanels = false;
            _cAddInto = null;
        }
    }

    /// <summary>
    /// <see cref="MultiplyIntoPanels"/> that also leaves the panels of Cᵀ (n×m, <see cref="TransposePanels"/>) in
    /// <paramref name="transposedPanels"/>. A whole weight-gradient product on one thread writes them pair of panels
    /// by pair of panels while those are still in L1/L2 (<see cref="RunUpdatePairOuter"/>); on Figure 12's 500×500
    /// layers a separate pass over the 1 MB of panels after the update cost about 200 µs, as much as BP's learning
    /// channel gained from reading Wᵀ. Any other product is transposed whole after it.
    /// </summary>
    /// <remarks>With <paramref name="addInto"/> (see <see cref="MultiplyIntoPanels"/>) the transpose is that of the panels added into.</remarks>
    internal void MultiplyIntoPanelsAndTransposed(bool transposeA, int m, int n, int k, float alpha, float* a, int lda,
        float** aRows, float* b, int ldb, float beta, float* cPanels, float* transposedPanels, float* addInto = null)
    {
        _cTransposed = transposedPanels;
        _cTransposedWritten = false;
        try
        {
            MultiplyIntoPanels(transposeA, m, n, k, alpha, a, lda, aRows, b, ldb, beta, cPanels, null, addInto);
            if (!_cTransposedWritten)
            {
                TransposePanels(addInto != null ? addInto : cPanels, m, n, transposedPanels);
            }
        }
        finally
        {
            _cTransposed = null;
        }
    }

    /// <summary>
    /// Rows [r0, r1) of <see cref="MultiplyIntoPanels"/> with B already packed, on the calling thread
    /// (<see cref="MultiplyRows"/>): the first layer's update chunks of a two-lane step.
    /// </summary>
    internal void MultiplyRowsIntoPanels(bool transposeA, int m, int n, int k, float alpha, float* a, int lda, float** aRows,
        float* bPanels, float beta, float* cPanels, int r0, int r1, float* addInto = null)
    {
        _cInPanels = true;
        _cAddInto = addInto;
        try
        {
            MultiplyRows(transposeA, m, n, k, alpha, a, lda, aRows, bPanels, beta, cPanels, Nr, r0, r1, null);
        }
        finally
        {
            _cInPanels = false;
            _cAddInto = null;
        }
    }

    /// <summary>
    /// C ← α·A·Wᵀ + β·C for A (m×k) row-major and W (n×k) held only in the panel layout: BP's δ·Wᵀ (eq. 7). It is
    /// computed as Cᵀ = W·Aᵀ, whose ten-row blocks of W are read from the panels in 16-step segments (no packing of W),
    /// and stored transposed; <paramref name="epilogue"/> then runs once over all rows of C.
    /// </summary>
    internal void MultiplyByPanelsTransposed(int m, int n, int k, float alpha, float* a, int lda, float* wPanels,
        float beta, float* c, int ldc, Action<int, int>? epilogue)
    {
        _bInPanels = true;
        try
        {
            Multiply(false, true, m, n, k, alpha, a, lda, null, wPanels, Nr, beta, c, ldc, epilogue);
        }
        finally
        {
            _bInPanels = false;
        }
    }

    /// <summary>The inverse of <see cref="PackRows"/> for a whole k×n matrix: writes it row-major into <paramref name="b"/>.</summary>
    internal static void UnpackRows(float* panels, int k, int n, float* b, int ldb)
    {
        for (int q = 0; q < PanelCount(n); q++)
        {
            int j0 = q * Nr;
            int cols = Math.Min(Nr, n - j0);
            float* d = panels + ((long)q * k * Nr);
            for (int p = 0; p < k; p++)
            {
                new ReadOnlySpan<float>(d + (p * Nr), cols).CopyTo(new Span<float>(b + ((long)p * ldb) + j0, cols));
            }
        }
    }
}

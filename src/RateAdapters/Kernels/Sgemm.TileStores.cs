using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NeuroLc.RateAdapters.Kernels;

/// <summary>Register tiles into C: α·tile + β·C, row-major, in panels, or transposed.</summary>
public sealed unsafe partial class Sgemm
{
    /// <summary>C block ← α·tile + β·C block; β = 0 does not read C.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void StoreTile(float* tile, int i0, int rows, int j0, int cols)
    {
        StoreTileIntoC(tile, i0, rows, j0, cols);
        if (_cAddInto != null)
        {
            AddTileInto(i0, rows, j0, cols);
        }
    }

    /// <summary>
    /// Adds the tile of C just stored (rows i0.., columns j0.. of the panel layout) to the same tile of
    /// <see cref="MultiplyIntoPanels"/>'s addInto panels, one rounding per element. Both sets of panels keep zero
    /// padding columns, so whole 16-float rows are added.
    /// </summary>
    private void AddTileInto(int i0, int rows, int j0, int cols)
    {
        long offset = ((j0 / Nr) * _cPanelStride) + ((long)i0 * Nr);
        float* v = _c + offset;
        float* w = _cAddInto + offset;
        if (_path == SgemmPath.Vector512)
        {
            for (int i = 0; i < rows; i++, v += Nr, w += Nr)
            {
                (Vector512.Load(w) + Vector512.Load(v)).Store(w);
            }

            return;
        }

        for (int i = 0; i < rows; i++, v += Nr, w += Nr)
        {
            for (int j = 0; j < cols; j++)
            {
                w[j] += v[j];
            }
        }
    }

    private void StoreTileIntoC(float* tile, int i0, int rows, int j0, int cols)
    {
        float alpha = _alpha;
        float beta = _beta;
        if (_transposedC && _path == SgemmPath.Vector512)
        {
            StoreTransposedHalf512(tile, i0, rows, j0, cols);
            return;
        }

        if (_transposedC)
        {
            // Block (i, j) of Cᵀ is element (j, i) of C: column j of the tile is a run of consecutive floats in row
            // j0 + j of C, so walk the tile by columns and write C line by line.
            for (int j = 0; j < cols; j++)
            {
                float* c = _c + ((long)(j0 + j) * _ldc) + i0;
                for (int i = 0; i < rows; i++)
                {
                    float v = alpha * tile[(i * Nr) + j];
                    c[i] = beta == 0f ? v : (beta * c[i]) + v;
                }
            }

            return;
        }

        if (cols == Nr && _path == SgemmPath.Vector512)
        {
            StoreWholeHalf512(tile, i0, rows, j0);
            return;
        }

        // A ragged last panel (the four columns 96..99 of a 100-wide layer) is written with masked stores instead of
        // element by element: 2–4 % off a 100×100×100 or 784×100×100 product (alternating call by call).
        Vector512<float> ragged = cols < Nr && _path == SgemmPath.Vector512
            ? Vector512.LessThan(Vector512<int>.Indices, Vector512.Create(cols)).AsSingle()
            : default;
        for (int i = 0; i < rows; i++)
        {
            float* t = tile + (i * Nr);
            // In the panel layout, columns j0..j0+15 (j0 a multiple of 16) of row r are 16 floats at panel j0/16, row r.
            float* c = _cPanelStride != 0 ? _c + ((j0 / Nr) * _cPanelStride) + ((long)(i0 + i) * Nr) : _c + ((long)(i0 + i) * _ldc) + j0;
            if (_path == SgemmPath.Vector512)
            {
                // The same roundings as the loop below: α·t, β·c, then their sum (no fused multiply-add here).
                Vector512<float> v = Vector512.Load(t) * alpha;
                if (beta != 0f)
                {
                    v = (Vector512.Create(beta) * Avx512F.MaskLoad(c, ragged, Vector512<float>.Zero)) + v;
                }

                Avx512F.MaskStore(c, ragged, v);
                continue;
            }

            for (int j = 0; j < cols; j++)
            {
                float v = alpha * t[j];
                c[j] = beta == 0f ? v : (beta * c[j]) + v;
            }
        }
    }

    /// <summary>
    /// A whole 16-column half of a register block into row-major C or the panel layout: the first row's address and the
    /// row step are worked out once, and β = 0 takes a loop without the read of C (the row loop re-read the call's
    /// fields and tested the layout for every row). Alternating call by call: 100×100×100 and 784×100×100 4–6 % less
    /// (min, lower quartile, median); the same roundings as before (α·t, then one fused β·c + α·t).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void StoreWholeHalf512(float* tile, int i0, int rows, int j0)
    {
        bool panels = _cPanelStride != 0;
        float* c = panels ? _c + ((j0 / Nr) * _cPanelStride) + ((long)i0 * Nr) : _c + ((long)i0 * _ldc) + j0;
        nint step = panels ? Nr : _ldc;
        Vector512<float> alpha = Vector512.Create(_alpha);
        if (_beta == 0f)
        {
            for (int i = 0; i < rows; i++, c += step)
            {
                (Vector512.Load(tile + (i * Nr)) * alpha).Store(c);
            }

            return;
        }

        Vector512<float> beta = Vector512.Create(_beta);
        for (int i = 0; i < rows; i++, c += step)
        {
            Avx512F.FusedMultiplyAdd(beta, Vector512.Load(c), Vector512.Load(tile + (i * Nr)) * alpha).Store(c);
        }
    }
}

using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NeuroLc.RateAdapters.Kernels;

/// <summary>A call's rows of C, register block by register block, on one thread or split between two.</summary>
public sealed unsafe partial class Sgemm
{
    /// <summary>
    /// One thread's part of a call: its columns of C (a column split), or its rows after packing its share of B's
    /// panels and waiting for the other thread's share.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void RunPart(int part)
    {
        if (_columnSplit)
        {
            RunColumnPart(part);
            return;
        }

        if (_packInParts)
        {
            PackPanels(part == 0 ? 0 : _packSplit, part == 0 ? _packSplit : (_n + Nr - 1) / Nr);
            Interlocked.Increment(ref _packedParts);
            var spinner = new SpinWait();
            while (Volatile.Read(ref _packedParts) < 2)
            {
                spinner.SpinOnce(sleep1Threshold: -1);
            }
        }

        RunRows(part, part == 0 ? 0 : _split, part == 0 ? _split : _m);
    }

    /// <summary>Rows [r0, r1) of the call in flight, with A-panel buffer <paramref name="part"/>, handing finished rows to the epilogue in groups.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void RunRows(int part, int r0, int r1)
    {
        if (r0 >= r1)
        {
            return;
        }

        int pieceRows = PairOuterPieceRows(r0, r1);
        if (pieceRows > 0)
        {
            RunRowsPairOuterInPieces(part, r0, r1, pieceRows);
            return;
        }

        if (UpdatePairOuterFits(r0, r1))
        {
            RunUpdatePairOuter(part, r0, r1);
            return;
        }

        int mr = _mr;
        int k = _k;
        int aNeed = Math.Max(1, k) * mr;
        if (_aPack[part].Length < aNeed)
        {
            _aPack[part] = GC.AllocateUninitializedArray<float>(aNeed, pinned: true);
        }

        // op(A) = Aᵀ with A's rows far apart (784 floats for Xᵀ·δ of the first layer, or anywhere in the dataset): the
        // ten values of a step of a block are consecutive, but its steps lie a long row apart. All the whole blocks of
        // [r0, r1) are copied into contiguous panels in one pass along A's rows (PackTransposedBlocks) and reused from
        // L1 by every column panel.
        int preBlocks = _transA && mr == 10 && (_lda > 256 || _aRows != null) ? (r1 - r0) / mr : 0;
        long blockFloats = (long)Math.Max(1, k) * mr;
        if (preBlocks > 0 && _aPack[part].Length < blockFloats * (preBlocks + 1))
        {
            _aPack[part] = GC.AllocateUninitializedArray<float>((int)(blockFloats * (preBlocks + 1)), pinned: true);
        }

        float* aBuf = (float*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_aPack[part]));
        float* aBlocks = null;
        if (preBlocks > 0)
        {
            aBlocks = aBuf;
            aBuf += blockFloats * preBlocks;
            PackTransposedBlocks(aBlocks, r0, preBlocks);
        }

        float* tile = stackalloc float[(2 * mr * Nr) + TransposeOverread];
        float** rowTable = stackalloc float*[mr];
        int panels = (_n + Nr - 1) / Nr;
        // Rows are handed to the epilogue in groups of about 64 KB of C, while they are still in the core's cache
        // (a 500-wide update otherwise re-reads 1 MB of C from the shared cache to add the velocity and copy panels).
        int groupRows = _epilogue is null ? r1 - r0 : Math.Max(mr, EpilogueBytes / (Math.Max(1, _n) * sizeof(float)) / mr * mr);
        int finished = r0;
        for (int i0 = r0; i0 < r1; i0 += mr)
        {
            int rows = Math.Min(mr, r1 - i0);
            float* aBlock;
            nint aStep;
            bool inPlaceRows = false;
            bool panelRows = false;
            if (_aPanelStride != 0 && rows == mr && _path == SgemmPath.Vector512)
            {
                // Ten rows of A in the panel layout: read in place, 16 steps per panel.
                aBlock = null;
                aStep = 0;
                panelRows = true;
            }
            else if (_aPanelStride != 0)
            {
                PackA(aBuf, i0, rows);
                aBlock = aBuf;
                aStep = mr;
            }
            else if (aBlocks != null && rows == mr)
            {
                aBlock = aBlocks + ((i0 - r0) / mr * blockFloats);
                aStep = mr;
            }
            else if (_transA && rows == mr && _aRows == null)
            {
                // op(A)[i, p] = A[p, i]: the MR values of one step p are already consecutive.
                aBlock = _a + i0;
                aStep = _lda;
            }
            else if (!_transA && rows == mr && _path == SgemmPath.Vector512)
            {
                for (int i = 0; i < mr; i++)
                {
                    rowTable[i] = RowOfA(i0 + i);
                }

                aBlock = null;
                aStep = 0;
                inPlaceRows = true;
            }
            else
            {
                PackA(aBuf, i0, rows);
                aBlock = aBuf;
                aStep = mr;
            }

            for (int panel = 0; panel < panels; panel++)
            {
                int j0 = panel * Nr;
                float* bBlock = _bPacked + ((long)panel * k * Nr);
                const nint bStep = Nr;
                if (_path == SgemmPath.Vector512 && panel + 1 < panels)
                {
                    if (_cPanelStride != 0 && _beta != 0f)
                    {
                        PrefetchPanelTile(panel + 2 < panels ? panel + 2 : 0, panel + 2 < panels ? i0 : i0 + mr, r1);
                    }

                    // Two panels at once (the 10×32 block); a lone last panel falls through to the 10×16 block.
                    if (panelRows)
                    {
                        SgemmMicroKernels.Block512StridedWide(k, _a + ((long)i0 * Nr), Nr, bBlock, (nint)k * Nr, tile, Nr, _aPanelStride - Nr);
                    }
                    else if (inPlaceRows && _aRows == null)
                    {
                        SgemmMicroKernels.Block512StridedWide(k, _a + ((long)i0 * _lda), _lda, bBlock, (nint)k * Nr, tile, Math.Max(1, k), 0);
                    }
                    else if (inPlaceRows)
                    {
                        SgemmMicroKernels.Block512RowsWide(k, rowTable, bBlock, (nint)k * Nr, tile);
                    }
                    else
                    {
                        SgemmMicroKernels.Block512Wide(k, aBlock, aStep, bBlock, (nint)k * Nr, tile);
                    }

                    StoreTile(tile, i0, rows, j0, Nr);
                    StoreTile(tile + (mr * Nr), i0, rows, j0 + Nr, Math.Min(Nr, _n - j0 - Nr));
                    panel++;
                    continue;
                }

                switch (_path)
                {
                    case SgemmPath.Vector512 when panelRows:
                        SgemmMicroKernels.Block512Strided(k, _a + ((long)i0 * Nr), Nr, bBlock, tile, Nr, _aPanelStride - Nr);
                        break;
                    case SgemmPath.Vector512 when inPlaceRows:
                        SgemmMicroKernels.Block512Rows(k, rowTable, bBlock, bStep, tile);
                        break;
                    case SgemmPath.Vector512:
                        SgemmMicroKernels.Block512(k, aBlock, aStep, bBlock, bStep, tile);
                        break;
                    case SgemmPath.Vector256:
                        SgemmMicroKernels.Block256(k, aBlock, aStep, bBlock, bStep, tile);
                        break;
                    default:
                        SgemmMicroKernels.BlockScalar(k, aBlock, aStep, bBlock, bStep, tile);
                        break;
                }

                StoreTile(tile, i0, rows, j0, Math.Min(Nr, _n - j0));
            }

            int done = i0 + rows;
            if (_epilogue is not null && done - finished >= groupRows && done < r1)
            {
                _epilogue(finished, done);
                finished = done;
            }
        }

        if (finished < r1)
        {
            _epilogue?.Invoke(finished, r1);
        }
    }

    /// <summary>
    /// Asks for the lines of C in the panel layout that the next 10×32 tile (panels q and q+1, rows i0..) reads and
    /// writes, while this tile's products run. Consecutive tiles of an update into panels lie a whole panel apart,
    /// where no hardware prefetcher follows; without this every tile's store waited for twenty lines from the shared
    /// cache (a 500×500×100 update into panels took 1.3–2 times as long). Prefetches never fault, so lines past the
    /// end are harmless.
    /// </summary>
    private void PrefetchPanelTile(int q, int i0, int r1)
    {
        if (!Sse.IsSupported)
        {
            return;
        }

        int rows = Math.Min(_mr, r1 - i0);
        long offset = (q * _cPanelStride) + ((long)i0 * Nr);
        float* top = _c + offset;
        for (int i = 0; i < rows; i++)
        {
            Sse.Prefetch0(top + (i * Nr));
            Sse.Prefetch0(top + _cPanelStride + (i * Nr));
        }

        if (_cAddInto != null)
        {
            // The weights the tile of the velocity is added to (MultiplyIntoPanels' addInto).
            float* w = _cAddInto + offset;
            for (int i = 0; i < rows; i++)
            {
                Sse.Prefetch0(w + (i * Nr));
                Sse.Prefetch0(w + _cPanelStride + (i * Nr));
            }
        }
    }

    /// <summary>Start of row <paramref name="r"/> of the stored A (before any transpose).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private float* RowOfA(int r) => _aRows != null ? _aRows[r] : _a + ((long)r * _lda);
}

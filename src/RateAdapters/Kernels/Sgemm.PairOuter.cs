using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NeuroLc.RateAdapters.Kernels;

/// <summary>The panel-pair-outer order for a few rows of A against a B too large for the core's L2 cache.</summary>
public sealed unsafe partial class Sgemm
{
    /// <summary>Packed B from which the pair-outer order pays: beyond about half of a core's 1 MB L2.</summary>
    private const long PairOuterMinimumBytes = 512 * 1024;

    /// <summary>A (the rows of one call or lane) must stay in L2 while B streams past it.</summary>
    private const long PairOuterMaximumABytes = 256 * 1024;

    /// <summary>
    /// Whether the pair-outer orders may be used (the default); off, every product runs row block by row block, with
    /// the same bits. The benchmarks switch it to measure both orders side by side.
    /// </summary>
    internal bool PairOuterOrders { get; set; } = true;

    /// <summary>
    /// Whether rows [r0, r1) run panel pair by panel pair in one piece (<see cref="RunRowsPairOuter(int, int, int)"/>):
    /// the order applies (<see cref="PairOuterPieceRows"/>) and all of their A fits in L2 beside a pair of B.
    /// </summary>
    private bool PairOuterFits(int r0, int r1) => r1 - r0 <= PairOuterPieceRows(r0, r1);

    /// <summary>
    /// Rows of A per piece of rows [r0, r1) in the pair-outer order, or 0 where it does not apply: a plain product
    /// (A row-major read in place, C row-major, the 512-bit path) of at least one whole register block, whose packed
    /// B (a 500×500 layer of Figure 12 is 1 MB) does not fit in L2 next to its A. A piece is as many whole register
    /// blocks as keep its rows of A within <see cref="PairOuterMaximumABytes"/> (one block at least): B then streams
    /// from the shared cache once per piece. Row block by row block, a 1000×1000×1000 product streamed all 4 MB of B
    /// once per ten rows.
    /// </summary>
    private int PairOuterPieceRows(int r0, int r1)
    {
        int panels = PanelCount(_n);
        bool applies = PairOuterOrders && _path == SgemmPath.Vector512 && !_transA && _aRows == null && _aPanelStride == 0
            && _cPanelStride == 0 && !_transposedC && r1 - r0 >= _mr && panels >= 4
            && (long)panels * _k * Nr * sizeof(float) >= PairOuterMinimumBytes;
        if (!applies)
        {
            return 0;
        }

        long rowsThatFit = PairOuterMaximumABytes / ((long)Math.Max(1, _k) * sizeof(float));
        return (int)Math.Max(_mr, Math.Min(r1 - r0, rowsThatFit / _mr * _mr));
    }

    /// <summary>
    /// Rows [r0, r1) in the pair-outer order, in pieces of about equal whole register blocks whose A fits in L2
    /// (<see cref="PairOuterPieceRows"/>). Each element is the same chain over k whatever the pieces, so the bits are
    /// those of the row-block order.
    /// </summary>
    private void RunRowsPairOuterInPieces(int part, int r0, int r1, int pieceRows)
    {
        int blocks = (r1 - r0 + _mr - 1) / _mr;
        int pieces = (r1 - r0 + pieceRows - 1) / pieceRows;
        int blocksPerPiece = (blocks + pieces - 1) / pieces;
        for (int p0 = r0; p0 < r1; p0 += blocksPerPiece * _mr)
        {
            RunRowsPairOuter(part, p0, Math.Min(r1, p0 + (blocksPerPiece * _mr)));
        }
    }

    /// <summary>
    /// Rows [r0, r1) with the panel pairs outermost: each pair of B comes from the shared cache once and serves every
    /// register block of rows from L2, while the kernel asks for the next pair's lines, spread over those blocks.
    /// Row-block-outer, each block streamed all of B again from the shared cache, and a pair-outer order without the
    /// prefetch gained nothing (session 3): the first block of each pair still waited for its lines. The product of
    /// one lane of Figure 12's forward pass (50×500×500, B in the shared cache) took about 10 % less time this way
    /// (min 228 → 206 µs, alternating call by call in one process), and a whole Figure 12 step about 3 % (BP) to 9 %
    /// (RBP, whose learning channel is the same product). Each element is the same chain as in <see cref="RunRows"/>,
    /// so the result is bit-identical; the epilogue then sees all the rows once, at the end.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void RunRowsPairOuter(int part, int r0, int r1) => RunRowsPairOuter(part, r0, r1, 0, PanelCount(_n) / 2, true);

    /// <summary>
    /// Rows [r0, r1) against panel pairs [q0, q1) only, and the lone last panel of an odd count when
    /// <paramref name="withLone"/>: the pair-outer order for one thread's columns (<see cref="RunColumnPart"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void RunRowsPairOuter(int part, int r0, int r1, int q0, int q1, bool withLone)
    {
        int mr = _mr;
        int k = _k;
        (int panels, _, int blocks, int blocksEnd) = PairLayout(r0, r1);
        float* tile = stackalloc float[(2 * mr * Nr) + TransposeOverread];
        long pairFloats = 2L * k * Nr;
        // A last, partial block of rows is copied once, zero-padded, and taken with every pair: run apart in the
        // row-block order, it would stream all of B from the shared cache once more.
        int tailRows = r1 - blocksEnd;
        float* tailA = null;
        if (tailRows > 0)
        {
            int need = Math.Max(1, k) * mr;
            if (_aPack[part].Length < need)
            {
                _aPack[part] = GC.AllocateUninitializedArray<float>(need, pinned: true);
            }

            tailA = (float*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_aPack[part]));
            PackA(tailA, blocksEnd, tailRows);
        }

        for (int q = q0; q < q1; q++)
        {
            int j0 = 2 * q * Nr;
            float* pair = _bPacked + (2L * q * k * Nr);
            if (tailA != null)
            {
                SgemmMicroKernels.Block512Wide(k, tailA, mr, pair, (nint)k * Nr, tile);
                StoreTile(tile, blocksEnd, tailRows, j0, Nr);
                StoreTile(tile + (mr * Nr), blocksEnd, tailRows, j0 + Nr, Math.Min(Nr, _n - j0 - Nr));
            }

            for (int block = 0; block < blocks; block++)
            {
                // A pair is 2k lines and each block asks for k of them: the first two blocks bring in the next pair;
                // the others (and the last pair) point their prefetches at the pair in use, already in cache.
                float* prefetch = q + 1 < q1 && block < 2 ? pair + pairFloats + ((long)block * k * Nr) : pair;
                int i0 = r0 + (block * mr);
                SgemmMicroKernels.Block512StridedWidePrefetching(k, _a + ((long)i0 * _lda), _lda, pair, (nint)k * Nr, tile, prefetch);
                StoreTile(tile, i0, mr, j0, Nr);
                StoreTile(tile + (mr * Nr), i0, mr, j0 + Nr, Math.Min(Nr, _n - j0 - Nr));
            }
        }

        if (withLone && panels % 2 == 1)
        {
            // A lone last panel: the 10×16 block, reading the rows in place.
            int j0 = (panels - 1) * Nr;
            float* lone = _bPacked + ((long)(panels - 1) * k * Nr);
            for (int i0 = r0; i0 < blocksEnd; i0 += mr)
            {
                SgemmMicroKernels.Block512Strided(k, _a + ((long)i0 * _lda), _lda, lone, tile, Math.Max(1, k), 0);
                StoreTile(tile, i0, mr, j0, _n - j0);
            }

            if (tailA != null)
            {
                SgemmMicroKernels.Block512(k, tailA, mr, lone, Nr, tile);
                StoreTile(tile, blocksEnd, tailRows, j0, _n - j0);
            }
        }

        _epilogue?.Invoke(r0, r1);
    }

    /// <summary>
    /// Whether a two-thread call may be split by columns (the default, <see cref="ColumnSplitFits"/>); off, it is
    /// split by rows, with the same bits. The benchmarks switch it to measure both splits side by side.
    /// </summary>
    internal bool ColumnSplits { get; set; } = true;

    /// <summary>
    /// Whether a whole two-thread call with B still to pack runs split by columns (<see cref="RunColumnPart"/>):
    /// all of A fits the pair-outer order, B has at least four pairs of panels, and no epilogue waits for rows.
    /// </summary>
    private bool ColumnSplitFits() =>
        ColumnSplits && _workers.Threads == 2 && _epilogue is null && PanelCount(_n) >= 8 && PairOuterFits(0, _m);

    /// <summary>
    /// One thread's half of a column-split call: it packs its own panel pairs (the second thread also the lone last
    /// panel) and runs every row against them in the pair-outer order. Split by rows, each thread packed half of B,
    /// waited for the other half, then streamed all of it, the other core's half from the shared cache; split by
    /// columns, each reads only the half it has just written into its own L2, and neither waits. Each element is the
    /// same chain over k, so the bits are those of the row split.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void RunColumnPart(int part)
    {
        int panels = PanelCount(_n);
        int pairs = panels / 2;
        int half = (pairs + 1) / 2;
        int q0 = part == 0 ? 0 : half;
        int q1 = part == 0 ? half : pairs;
        PackPanels(2 * q0, part == 0 ? 2 * q1 : panels);
        RunRowsPairOuter(part, 0, _m, q0, q1, withLone: part == 1);
    }

    /// <summary>Panels of B, whole pairs of them, whole blocks of rows in [r0, r1), and the end of those blocks.</summary>
    private (int Panels, int Pairs, int Blocks, int BlocksEnd) PairLayout(int r0, int r1)
    {
        int panels = PanelCount(_n);
        int blocks = (r1 - r0) / _mr;
        return (panels, panels / 2, blocks, r0 + (blocks * _mr));
    }
}

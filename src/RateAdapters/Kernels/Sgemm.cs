using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NeuroLc.RateAdapters.Kernels;

/// <summary>
/// Single-precision matrix product C ← α·op(A)·op(B) + β·C on row-major storage, op(X) = X or Xᵀ (BLAS sgemm).
/// The shapes the training loop needs are all served without explicit transposes: forward X·W (NN), backward
/// δ·Wᵀ (NT, B is packed into 16-column panels) and the weight gradient Xᵀ·δ (TN, A is read in place).
/// C is cut into MR×16 register blocks (<see cref="SgemmMicroKernels"/>); rows are split between at most two threads at
/// a fixed block boundary. Each element of C is one fixed-order chain over k, so the result is bit-identical for any
/// thread count. β = 0 never reads C (NaN in C is overwritten).
/// </summary>
public sealed unsafe partial class Sgemm : IDisposable
{
    private const int Nr = SgemmMicroKernels.Columns;
    private const long ParallelFlops = 400_000;
    private const long TransposedCMinimum = 65_536;
    private const int EpilogueBytes = 64 * 1024;

    private readonly WorkerPair _workers;
    private readonly SgemmPath _path;
    private readonly int _mr;
    private readonly Action<int> _part;
    private readonly float[][] _aPack = [[], []];
    private float[] _bPack = [];

    // Arguments of the call in flight, read by both parts.
    private bool _transA;
    private int _m;
    private int _n;
    private int _k;
    private float _alpha;
    private float _beta;
    private float* _a;
    private int _lda;
    private float** _aRows;
    private float* _bFull;
    private int _ldb;
    private float* _bPacked;
    private bool _transB;
    private bool _packInParts;
    private bool _columnSplit;
    private int _packSplit;
    private int _packedParts;
    private float* _bPrepacked;
    private float* _c;
    private int _ldc;
    private bool _transposedC;
    private bool _bInPanels;
    private bool _cInPanels;
    private float* _cTransposed;
    private float* _cAddInto;
    private bool _cTransposedWritten;
    private nint _aPanelStride;
    private long _cPanelStride;
    private int _split;
    private Action<int, int>? _epilogue;

    /// <summary>Creates a product engine using <paramref name="threads"/> (1 or 2) threads and the fastest path.</summary>
    public Sgemm(int threads)
        : this(threads, SgemmPaths.Best)
    {
    }

    /// <summary>Creates a product engine using the given micro-kernel path (which must be supported).</summary>
    public Sgemm(int threads, SgemmPath path)
    {
        if (!SgemmPaths.IsSupported(path))
        {
            throw new ArgumentException($"SGEMM path {path} is not supported by this process.", nameof(path));
        }

        _path = path;
        _mr = SgemmPaths.RowsPerBlock(path);
        _workers = new WorkerPair(threads);
        _part = RunPart;
    }

    /// <summary>Threads used (1 or 2).</summary>
    public int Threads => _workers.Threads;

    /// <summary>The micro-kernel path in use.</summary>
    public SgemmPath Path => _path;

    /// <summary>C ← α·op(A)·op(B) + β·C with op(A) m×k and op(B) k×n, row-major with leading dimensions lda, ldb, ldc.</summary>
    public void Multiply(bool transposeA, bool transposeB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        CheckOperand(a, nameof(a), transposeA ? k : m, transposeA ? m : k, lda);
        CheckOperand(b, nameof(b), transposeB ? n : k, transposeB ? k : n, ldb);
        CheckOperand(c, nameof(c), m, n, ldc);
        fixed (float* pa = a, pb = b, pc = c)
        {
            Multiply(transposeA, transposeB, m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc);
        }
    }

    /// <summary>
    /// Pointer form of <see cref="Multiply(bool, bool, int, int, int, float, ReadOnlySpan{float}, int, ReadOnlySpan{float}, int, float, Span{float}, int)"/>;
    /// the caller guarantees the extents. <paramref name="epilogue"/>(r0, r1), when given, is called once for every
    /// row range [r0, r1) of C as soon as those rows are final, by the thread that computed them: element-wise work
    /// on the product (bias, transfer function, derivative products) then runs on both cores while the rows are
    /// still in cache. It must only touch its own rows.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void Multiply(bool transposeA, bool transposeB, int m, int n, int k, float alpha,
        float* a, int lda, float* b, int ldb, float beta, float* c, int ldc, Action<int, int>? epilogue = null)
        => Multiply(transposeA, transposeB, m, n, k, alpha, a, lda, null, b, ldb, beta, c, ldc, epilogue);

    /// <summary>
    /// The product with the rows of A given by address: row r of A (op(A)'s row r without transpose, its step r
    /// with transpose) starts at <paramref name="aRows"/>[r]. The first layer reads the minibatch's examples where the
    /// dataset holds them, with no gather copy. <paramref name="aRows"/> = null means row r at a + r·lda.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void Multiply(bool transposeA, bool transposeB, int m, int n, int k, float alpha,
        float* a, int lda, float** aRows, float* b, int ldb, float beta, float* c, int ldc, Action<int, int>? epilogue)
    {
        if (m == 0 || n == 0)
        {
            return;
        }

        if (OuterProductFits(k, beta))
        {
            MultiplyOuter(transposeA, transposeB, m, n, alpha, a, lda, aRows, b, ldb, c, ldc, epilogue);
            return;
        }

        if (ShortPanelProductFits(transposeA, k, beta))
        {
            MultiplyShortPanels(m, n, k, alpha, a, lda, aRows, c, ldc, epilogue);
            return;
        }

        int rowsOfC = m;

        // A·Bᵀ with B much larger than A (δ·Wᵀ of a wide layer): compute Cᵀ = B·Aᵀ instead, so the large operand is
        // read in place and only the small one is packed; the blocks are then stored transposed. A small B (a 100 × 100
        // layer) is cheaper to transpose once than C is to store element by element.
        // B held in the panel layout (MultiplyByPanelsTransposed) is always read as the A of the swapped product.
        _transposedC = _bInPanels || (aRows == null && transposeB && !transposeA && _path == SgemmPath.Vector512 && n >= 2 * m
            && n >= 2 * _mr && (long)n * k >= TransposedCMinimum);
        if (_transposedC)
        {
            (m, n) = (n, m);
            float* swap = a;
            a = b;
            b = swap;
            (lda, ldb) = (ldb, lda);
        }

        SetCall(transposeA, m, n, k, alpha, a, lda, aRows, beta, c, ldc);
        _aPanelStride = _bInPanels ? (nint)m * Nr : 0;
        _cPanelStride = _cInPanels ? (long)m * Nr : 0;
        _ldb = ldb;
        // Row ranges of the swapped product are column ranges of C, so the epilogue then runs once at the end.
        _epilogue = _transposedC ? null : epilogue;
        _transB = transposeB;
        _bFull = b;
        bool prepacked = _bPrepacked != null;
        if (prepacked)
        {
            _bPacked = _bPrepacked;
            _bPrepacked = null;
        }
        else
        {
            PrepareB();
        }

        // Rows split at a register-block boundary: each half is whole blocks except the very last.
        int blocks = (m + _mr - 1) / _mr;
        int panels = (n + Nr - 1) / Nr;
        bool parallel = _workers.Threads == 2 && blocks >= 2 && 2L * m * n * k >= ParallelFlops;
        _split = parallel ? Math.Min(m, ((blocks + 1) / 2) * _mr) : m;
        if (parallel && prepacked)
        {
            _workers.Run(_part);
        }
        else if (parallel && ColumnSplitFits())
        {
            _columnSplit = true;
            try
            {
                _workers.Run(_part);
            }
            finally
            {
                _columnSplit = false;
            }
        }
        else if (parallel)
        {
            // Each thread packs half of the panels, then both wait for the other half: packing W¹ (784 × 100) alone
            // would otherwise leave the second core idle for a third of the forward product.
            _packInParts = true;
            _packSplit = (panels + 1) / 2;
            _packedParts = 0;
            try
            {
                _workers.Run(_part);
            }
            finally
            {
                _packInParts = false;
            }
        }
        else
        {
            if (!prepacked)
            {
                PackPanels(0, panels);
            }

            RunPart(0);
        }

        _bFull = null;
        ClearCall();
        if (_transposedC)
        {
            epilogue?.Invoke(0, rowsOfC);
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

    /// <summary>
    /// C ← α·op(A)·B + β·C with B (k×n) already in the packed panel layout (<see cref="PackRows"/>): the forward
    /// product reads weights that the previous update left packed, so nothing is re-packed per call.
    /// </summary>
    internal void MultiplyPrepacked(int m, int n, int k, float alpha, float* a, int lda, float** aRows,
        float* bPanels, float beta, float* c, int ldc, Action<int, int>? epilogue)
    {
        _bPrepacked = bPanels;
        Multiply(false, false, m, n, k, alpha, a, lda, aRows, null, n, beta, c, ldc, epilogue);
        _bPrepacked = null;
    }

    /// <summary>
    /// Rows [r0, r1) of C ← α·op(A)·B + β·C, computed on the calling thread with B already packed
    /// (<see cref="PackRows"/>). Each element is the same fixed chain over k as in a whole call, so any cut of the rows
    /// into ranges, run on any threads, gives the bits of one call. <paramref name="epilogue"/> gets the absolute
    /// rows [r0, r1). Not for an engine whose own call is in flight: use one engine per thread.
    /// </summary>
    internal void MultiplyRows(bool transposeA, int m, int n, int k, float alpha, float* a, int lda, float** aRows,
        float* bPanels, float beta, float* c, int ldc, int r0, int r1, Action<int, int>? epilogue)
    {
        if (m == 0 || n == 0 || r0 >= r1)
        {
            return;
        }

        _transposedC = false;
        SetCall(transposeA, m, n, k, alpha, a, lda, aRows, beta, c, ldc);
        _cPanelStride = _cInPanels ? (long)m * Nr : 0;
        _transB = false;
        _bPacked = bPanels;
        _epilogue = epilogue;
        RunRows(0, r0, Math.Min(r1, m));
        ClearCall();
    }

    /// <summary>Stores the arguments of the call in flight that both entry points share.</summary>
    private void SetCall(bool transposeA, int m, int n, int k, float alpha, float* a, int lda, float** aRows, float beta, float* c, int ldc)
    {
        _transA = transposeA;
        _m = m;
        _n = n;
        _k = k;
        _alpha = alpha;
        _beta = beta;
        _a = a;
        _lda = lda;
        _aRows = aRows;
        _c = c;
        _ldc = ldc;
        _aPanelStride = 0;
        _cPanelStride = 0;
    }

    /// <summary>Drops the pointers of the finished call, so no later call can read through them by mistake.</summary>
    private void ClearCall()
    {
        _a = null;
        _aRows = null;
        _bPacked = null;
        _c = null;
        _epilogue = null;
        _aPanelStride = 0;
        _cPanelStride = 0;
    }

    /// <summary>
    /// Runs <c>work(0)</c> on the calling thread and <c>work(1)</c> on this engine's worker (both on the caller with
    /// one thread): task-parallel regions whose parts each use an engine of their own, on the cores this one owns.
    /// </summary>
    internal void RunOnBothThreads(Action<int> work) => _workers.Run(work);

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

    /// <summary>Start of row <paramref name="r"/> of the stored A (before any transpose).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private float* RowOfA(int r) => _aRows != null ? _aRows[r] : _a + ((long)r * _lda);

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

    private static void CheckOperand(ReadOnlySpan<float> x, string name, int rows, int cols, int ld)
    {
        if (rows == 0 || cols == 0)
        {
            return;
        }

        if (ld < cols)
        {
            throw new ArgumentException($"Leading dimension {ld} of {name} is smaller than its {cols} columns.", name);
        }

        long need = ((long)(rows - 1) * ld) + cols;
        if (x.Length < need)
        {
            throw new ArgumentException($"{name} holds {x.Length} floats; a {rows}×{cols} matrix with leading dimension {ld} needs {need}.", name);
        }
    }

    /// <summary>Stops the worker thread.</summary>
    public void Dispose() => _workers.Dispose();
}

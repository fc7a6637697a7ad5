using System.Runtime.CompilerServices;

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

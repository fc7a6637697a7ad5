using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NeuroLc.RateAdapters.Kernels;

/// <summary>The panel-pair-outer order for the weight-gradient product (Aᵀ·B) into a large C.</summary>
public sealed unsafe partial class Sgemm
{
    /// <summary>C of at least this many bytes is updated panel pair by panel pair (<see cref="RunUpdatePairOuter"/>).</summary>
    private const long UpdatePairOuterMinimumBytes = 128 * 1024;

    /// <summary>
    /// Whether rows [r0, r1) of a weight-gradient product (C ← α·Aᵀ·B + β·C, C row-major or in the panel layout, no
    /// epilogue) run panel pair by panel pair (<see cref="RunUpdatePairOuter"/>): for a C of at least 128 KB, such as
    /// Figure 12's 500×500 layers and Figure 7's whole W¹ (784×100; not the two-lane step's 80-row chunks of it).
    /// </summary>
    private bool UpdatePairOuterFits(int r0, int r1) =>
        PairOuterOrders && _path == SgemmPath.Vector512 && _transA && _epilogue is null && !_transposedC
        && _aPanelStride == 0 && r1 - r0 >= 2 * _mr && PanelCount(_n) >= 2
        && (long)(r1 - r0) * _n * sizeof(float) >= UpdatePairOuterMinimumBytes;

    /// <summary>
    /// Rows [r0, r1) of a weight-gradient product with the panel pairs of B outermost: op(A)'s blocks of ten rows
    /// are copied once into one buffer (k·10 floats each, read from L2), each pair of B (2·k·16 floats, 12.8 KB for a
    /// 100-row minibatch) stays in L1 for all of them, and in the panel layout consecutive blocks of C are consecutive
    /// (ten rows further down the same two panels), where the hardware prefetcher follows them. Row-block-outer, every
    /// block of rows streamed all of B from L2 (two lines per step) and its blocks of C lay a panel apart. Alone, a
    /// 500×500×100 update into panels took 3–6 % less time (min 534–540 → 521 µs, median 576–590 → 542–553,
    /// alternating call by call); a Figure 12 step about 2 % less (in-process alternation of blocks of steps on this
    /// loaded host: min −1 to −3 %). Into row-major C, with the blocks copied
    /// along A's rows (<see cref="PackTransposedBlocks"/>): 784×100×100 3–7 % less on one thread and 5–10 % on two
    /// (min, lower quartile and median, alternating call by call); 500×500×100 row-major within ±2 %.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void RunUpdatePairOuter(int part, int r0, int r1)
    {
        int mr = _mr;
        int k = _k;
        (int panels, int pairs, int blocks, int blocksEnd) = PairLayout(r0, r1);
        long need = (long)Math.Max(1, k) * mr * blocks;
        if (_aPack[part].Length < need)
        {
            _aPack[part] = GC.AllocateUninitializedArray<float>((int)need, pinned: true);
        }

        float* aBlocks = (float*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_aPack[part]));
        if (mr == 10)
        {
            PackTransposedBlocks(aBlocks, r0, blocks);
        }
        else
        {
            for (int block = 0; block < blocks; block++)
            {
                PackA(aBlocks + ((long)block * k * mr), r0 + (block * mr), mr);
            }
        }

        float* tile = stackalloc float[(2 * mr * Nr) + TransposeOverread];
        // Cᵀ's panels pair by pair, from panels still in L1/L2, when this call writes every row of C.
        bool transposeHere = _cTransposed != null && _cInPanels && r0 == 0 && blocksEnd == _m && r1 == _m;
        float* transposeSource = _cAddInto != null ? _cAddInto : _c;
        for (int q = 0; q < pairs; q++)
        {
            int j0 = 2 * q * Nr;
            float* pair = _bPacked + (2L * q * k * Nr);
            for (int block = 0; block < blocks; block++)
            {
                int i0 = r0 + (block * mr);
                SgemmMicroKernels.Block512Wide(k, aBlocks + ((long)block * k * mr), mr, pair, (nint)k * Nr, tile);
                StoreTile(tile, i0, mr, j0, Nr);
                StoreTile(tile + (mr * Nr), i0, mr, j0 + Nr, Math.Min(Nr, _n - j0 - Nr));
            }

            if (transposeHere)
            {
                TransposePanelRange(transposeSource, _m, _n, 2 * q, (2 * q) + 2, _cTransposed);
            }
        }

        if (panels % 2 == 1)
        {
            int j0 = (panels - 1) * Nr;
            float* lone = _bPacked + ((long)(panels - 1) * k * Nr);
            for (int block = 0; block < blocks; block++)
            {
                SgemmMicroKernels.Block512(k, aBlocks + ((long)block * k * mr), mr, lone, Nr, tile);
                StoreTile(tile, r0 + (block * mr), mr, j0, _n - j0);
            }

            if (transposeHere)
            {
                TransposePanelRange(transposeSource, _m, _n, panels - 1, panels, _cTransposed);
            }
        }

        _cTransposedWritten |= transposeHere;

        if (blocksEnd < r1)
        {
            RunRows(part, blocksEnd, r1);
        }
    }
}

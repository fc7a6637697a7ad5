using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NeuroLc.RateAdapters.Kernels;

/// <summary>The panel-pair-outer order for an update of a large C held in the panel layout.</summary>
public sealed unsafe partial class Sgemm
{
    /// <summary>
    /// Whether rows [r0, r1) of an update into panels (C ← C + α·Aᵀ·B with C in the panel layout, no epilogue) run
    /// panel pair by panel pair (<see cref="RunUpdatePairOuter"/>): only for a C of at least 512 KB (Figure 12's
    /// 500×500 layers). On Figure 7's small layers and W¹ chunks the copy of A's blocks cost more than it saved
    /// (a training step 6 % slower).
    /// </summary>
    private bool UpdatePairOuterFits(int r0, int r1) =>
        PairOuterOrders && _path == SgemmPath.Vector512 && _transA && _cPanelStride != 0 && _epilogue is null && !_transposedC
        && _aPanelStride == 0 && r1 - r0 >= 2 * _mr && PanelCount(_n) >= 2
        && (long)(r1 - r0) * _n * sizeof(float) >= PairOuterMinimumBytes;

    /// <summary>
    /// Rows [r0, r1) of an update into panels with the panel pairs of B outermost: op(A)'s blocks of ten rows are
    /// copied once into one buffer (k·10 floats each, read from L2), each pair of B (2·k·16 floats, 12.8 KB for a
    /// 100-row minibatch) stays in L1 for all of them, and consecutive blocks of C are consecutive in the panel layout
    /// (ten rows further down the same two panels), where the hardware prefetcher follows them. Row-block-outer, every
    /// block of rows streamed all of B from L2 and its blocks of C lay a panel apart. Alone, a 500×500×100 update
    /// took 3–6 % less time (min 534–540 → 521 µs, median 576–590 → 542–553, alternating call by call); a Figure 12
    /// step about 2 % less (in-process alternation of blocks of steps on this loaded host: min −1 to −3 %).
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
        for (int block = 0; block < blocks; block++)
        {
            PackA(aBlocks + ((long)block * k * mr), r0 + (block * mr), mr);
        }

        float* tile = stackalloc float[(2 * mr * Nr) + TransposeOverread];
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
        }

        if (blocksEnd < r1)
        {
            RunRows(part, blocksEnd, r1);
        }
    }
}

using NeuroLc.RateAdapters.Kernels;

namespace NeuroLc.RateAdapters.Training;

/// <summary>
/// The groups of minibatch rows that the lanes of a two-lane step claim in turn (<see cref="LanePart"/>), and over
/// which every pass sums its loss in group order, so the metrics' bits do not depend on the threads.
/// </summary>
internal sealed unsafe partial class RateNetwork
{
    /// <summary>
    /// Weights of all matrices together (768 KB) up to which a lane may read them once per row group: they stay in a
    /// core's 1 MB L2 (Figure 7's 109,400; not Figure 12's million or Figure 13's 640,000).
    /// </summary>
    private const long GuidedGroupsMaximumWeights = 192 * 1024;

    /// <summary>Most row groups of a step (guided groups of a 1,000-row minibatch are fewer).</summary>
    private const int MaximumGroups = 32;

    private readonly int[] _groupBounds = new int[MaximumGroups + 1];
    private readonly double[] _groupLoss = new double[MaximumGroups];
    private readonly int[] _groupCorrect = new int[MaximumGroups];

    /// <summary>
    /// Whether networks built from now on may use guided row groups (the default); off, every network splits its rows
    /// in two halves, with the same weights. The benchmarks switch it to measure both side by side.
    /// </summary>
    internal static bool GuidedRowGroups { get; set; } = true;

    /// <summary>Whether all weights of the network together fit a core's L2 (<see cref="GuidedGroupsMaximumWeights"/>).</summary>
    private bool AllMatricesSmall() =>
        GuidedRowGroups && _w.Skip(1).Concat(_feedback).Concat(_lateralC).Concat(_lateralA).Sum(m => m is null ? 0L : (long)m.Rows * m.Cols)
            <= GuidedGroupsMaximumWeights;

    /// <summary>
    /// Cuts <paramref name="rows"/> into groups of whole register blocks in <see cref="_groupBounds"/> and returns their
    /// count. Small networks (<see cref="AllMatricesSmall"/>): guided sizes, a quarter of the blocks left each time (10
    /// blocks: 3, 2, 2, 1, 1, 1), so a lane that the host slows down takes fewer rows and the lanes still end close
    /// together; a fixed half each made the step as slow as the slower core. Otherwise the two halves of
    /// <see cref="LaneSplit"/>: a lane reads a 1 MB layer from the shared cache once per group.
    /// </summary>
    private int RowGroups(int rows)
    {
        _groupBounds[0] = 0;
        if (!_guidedGroups)
        {
            int split = LaneSplit(rows);
            _groupBounds[1] = split;
            _groupBounds[2] = rows;
            return split < rows ? 2 : 1;
        }

        int mr = SgemmPaths.RowsPerBlock(_gemm.Path);
        int left = (rows + mr - 1) / mr;
        int count = 0;
        int row = 0;
        while (left > 0)
        {
            int blocks = count == MaximumGroups - 1 ? left : Math.Max(1, (left + 3) / 4);
            row = Math.Min(rows, row + (blocks * mr));
            left -= blocks;
            _groupBounds[++count] = row;
        }

        return count;
    }

    /// <summary>The loss and correct count of groups [0, count), summed in group order.</summary>
    private double SumGroups(int count, out int correct)
    {
        double loss = 0;
        correct = 0;
        for (int g = 0; g < count; g++)
        {
            loss += _groupLoss[g];
            correct += _groupCorrect[g];
        }

        return loss;
    }
}

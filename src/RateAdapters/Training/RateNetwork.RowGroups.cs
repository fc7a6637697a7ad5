namespace NeuroLc.RateAdapters.Training;

/// <summary>
/// The groups of minibatch rows that the lanes of a two-lane step claim in turn (<see cref="LanePart"/>), and over
/// which every pass sums its loss in group order, so the metrics' bits do not depend on the threads.
/// </summary>
internal sealed unsafe partial class RateNetwork
{
    private readonly int[] _groupBounds = new int[3];
    private readonly double[] _groupLoss = new double[2];
    private readonly int[] _groupCorrect = new int[2];

    /// <summary>
    /// Cuts <paramref name="rows"/> into the two halves of <see cref="LaneSplit"/> in <see cref="_groupBounds"/> and
    /// returns their count. Guided groups (a quarter of the blocks left each time, claimed in turn) were tried in
    /// session O: ±3 % on a quiet host, and with a busy loop on one vCPU once −45 %, once +90 to +164 % at the median
    /// (the lane that shares its core with the loop is descheduled while it holds a group); not kept.
    /// </summary>
    private int RowGroups(int rows)
    {
        int split = LaneSplit(rows);
        _groupBounds[0] = 0;
        _groupBounds[1] = split;
        _groupBounds[2] = rows;
        return split < rows ? 2 : 1;
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

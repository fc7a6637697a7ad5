using NeuroLc.RateAdapters.Kernels;

namespace NeuroLc.RateAdapters.Training;

/// <summary>
/// The first layer of a two-lane step split by columns instead of rows: each lane computes S¹ and O¹ of every row
/// of the minibatch for its own half of W¹'s panels, and updates only that half. W¹ (Figure 7's 784×100, 72 % of its
/// weights) then never moves between the cores: with the rows split, every step each lane read the half of W¹ the
/// other had just rewritten, and rewrote lines the other held. On this kind of machine the hypervisor sometimes puts
/// the two vCPUs on two CCDs, where such a line costs a ~360 ns round trip instead of ~80 (<c>bench/core_trip.c</c>);
/// there a Figure 7 epoch took 0.14 s on two threads where one thread took 0.15. What crosses instead is each lane's
/// half of O¹ (20 KB), once per step, after which both lanes wait for each other once. Measured (bench/README.md,
/// session S, epochs alternating with the rows split): 7–8 % off a Figure 7 epoch with the vCPUs on two CCDs, the
/// same within 1 % on one; the rest of the far placement's cost is spread over every layer and row that crosses.
/// </summary>
internal sealed unsafe partial class RateNetwork
{
    /// <summary>First column of lane 1's half of W¹ (a panel boundary), or 0 when the first layer is split by rows.</summary>
    private readonly int _firstLayerSplit;

    /// <summary>Lanes done with their half of the first layer in the step in flight.</summary>
    private int _firstLayerHalvesDone;

    /// <summary>The epilogues of the two halves (bias, transfer function, dropout over the lane's columns).</summary>
    private Action<int, int>[]? _firstLayerEpilogues;

    /// <summary>
    /// Whether networks built from now on split a wide first layer by columns on two lanes (the default); off, by rows
    /// as before, with the same bits (FirstLayerColumnsTests switches it to compare the two).
    /// </summary>
    internal static bool FirstLayerByColumns { get; set; } = true;

    /// <summary>Called by lane p with p when its half of the first layer is done, before it waits for the other (tests).</summary>
    internal Action<int>? FirstLayerHalfDone { get; set; }

    /// <summary>Whether the step in flight splits the first layer by columns.</summary>
    private bool FirstLayerSplitByColumns => _firstLayerSplit > 0;

    /// <summary>
    /// The column where lane 1's half of W¹ starts, when W¹ is kept only as panels (wide), has at least two panels and
    /// feeds a hidden layer, and then creates the two halves' epilogues; otherwise 0 (rows split).
    /// </summary>
    private int FirstLayerColumnSplit()
    {
        int panels = Sgemm.PanelCount(_n[1]);
        if (!FirstLayerByColumns || _layers < 2 || !_w[1].PanelsOnly || panels < 2)
        {
            return 0;
        }

        _firstLayerEpilogues = [(r0, r1) => FirstLayerColumnRows(0, r0, r1), (r0, r1) => FirstLayerColumnRows(1, r0, r1)];
        return panels / 2 * Sgemm.PanelColumns;
    }

    /// <summary>Columns [c0, c1) of the first layer that lane <paramref name="part"/> owns.</summary>
    private (int C0, int C1) FirstLayerColumns(int part) => part == 0 ? (0, _firstLayerSplit) : (_firstLayerSplit, _n[1]);

    /// <summary>Offset of the panel that holds <paramref name="column"/> in the panel layout of a k-row matrix.</summary>
    private static long PanelStart(int column, int k) => (long)(column / Sgemm.PanelColumns) * k * Sgemm.PanelColumns;

    /// <summary>
    /// Lane <paramref name="part"/>'s columns of S¹ and O¹ for every row of the step, then waits until the other lane
    /// has its half: the row groups that follow read whole rows of O¹. Returns false when the other lane failed.
    /// </summary>
    private bool LaneFirstLayer(StepLane lane, int part)
    {
        WeightMatrix w = _w[1];
        (int c0, int c1) = FirstLayerColumns(part);
        int rows = _stepRows;
        lane.Layer = 1;
        lane.Training = _stepTraining;
        lane.Step = _stepUpdate;
        lane.RowOffset = 0;
        float* panels = w.Panels + PanelStart(c0, w.Rows);
        float* s = WeightMatrix.Address(_s[1]) + c0;
        lane.Gemm.MultiplyPrepacked(rows, c1 - c0, w.Rows, 1f, WeightMatrix.Address(_s[0]), w.Rows, _stepInputRows, panels, 0f, s,
            w.Cols, _firstLayerEpilogues![part]);
        FirstLayerHalfDone?.Invoke(part);
        Interlocked.Increment(ref _firstLayerHalvesDone);
        var spinner = new SpinWait();
        while (Volatile.Read(ref _firstLayerHalvesDone) < 2)
        {
            if (_laneFailed)
            {
                return false;
            }

            spinner.SpinOnce(sleep1Threshold: -1);
        }

        return true;
    }

    /// <summary>
    /// Rows [r0, r1) of lane <paramref name="part"/>'s columns of the first layer: S ← S + b, O = f(S) and, in training
    /// with dropout, the inverted mask, element by element as <see cref="ForwardRows"/> does for whole rows (the
    /// transfer functions are element-wise with vector tails, the mask's counters are element indices: same bits).
    /// </summary>
    private void FirstLayerColumnRows(int part, int r0, int r1)
    {
        (int c0, int c1) = FirstLayerColumns(part);
        int n = _n[1];
        int width = c1 - c0;
        ReadOnlySpan<float> bias = _b[1].Values.AsSpan(c0, width);
        for (int r = r0; r < r1; r++)
        {
            int start = (r * n) + c0;
            ActivationKernels.BiasActivation(_s[1].AsSpan(start, width), bias, 1, _spec.Hidden, _o[1].AsSpan(start, width));
            if (_stepTraining)
            {
                ForwardDropout(1, _stepUpdate, start, width);
            }
        }
    }

    /// <summary>
    /// Lane <paramref name="part"/>'s columns of W¹ ← W¹ + α·Xᵀ·R¹ (through the velocity with momentum), written into
    /// its own panels: R¹'s panels of those columns are where the rows phase packed them.
    /// </summary>
    private void FirstLayerColumnsUpdate(StepLane lane, int part)
    {
        WeightMatrix m = _w[1];
        (int c0, int c1) = FirstLayerColumns(part);
        long weightOffset = PanelStart(c0, m.Rows);
        float* signal = SignalPanels + PanelStart(c0, _stepRows);
        bool velocity = m.VelocityPanels != null;
        float* target = (velocity ? m.VelocityPanels : m.Panels) + weightOffset;
        lane.Gemm.MultiplyRowsIntoPanels(true, m.Rows, c1 - c0, _stepRows, _stepAlpha, WeightMatrix.Address(_od[0]), m.Rows, _stepInputRows,
            signal, velocity ? _momentumValue : 1f, target, 0, m.Rows, velocity ? m.Panels + weightOffset : null);
    }
}

using System.Runtime.CompilerServices;
using NeuroLc.RateAdapters.Kernels;

namespace NeuroLc.RateAdapters.Training;

/// <summary>
/// A training step on two threads (every architecture and rule: BP, RBP, SRBP, ARBP and ASRBP with the Hebbian or the
/// STDP rule, Conjoined or Distinct), as two lanes that hand work over through a list of update tasks instead of a
/// sequence of products each split in two.
/// <list type="number">
/// <item>Rows: a wide first layer (kept only as panels) is split by columns instead, each lane computing its half
/// of W¹'s columns for every row and waiting once for the other (<c>RateNetwork.FirstLayerColumns.cs</c>, session
/// S). Then each lane takes a half of the minibatch (<see cref="RowGroups"/>), claimed in turn, through every
/// layer, forward (S^h, O^h, the output and the loss) and down the learning channel (R^{L−1} … R^1, eqs. 7, 10, 11; the STDP rule's two phases, eqs. 15–18; a
/// Distinct channel's λ^h and C′ products): a row only ever needs the same row of the layer before, so the lanes do
/// not wait for each other.</item>
/// <item>Updates (ΔW^h sums over all rows): the products ΔW^2 … ΔW^L, then the first layer's in chunks of rows (a split
/// first layer: each lane's own columns, first), are claimed from a fixed list by whichever lane is free (its own
/// columns only by that lane), each as soon as every row group is done with its layer (<see cref="MarkReady"/>; session
/// Q — before, both lanes met once after the rows): a lane that finishes its rows first updates the top layers while
/// the other still runs the learning channel below. BP's R^h uses the pre-update W^{h+1}, as eq. 7 requires, because
/// W^{h+1} waits until every group's R^h is done. An adaptive channel's C^h (eqs. 12, 19), b¹ and W¹ wait for the whole
/// rows phase: their updates read the step's signals and activities, and every R^h read the pre-update C.</item>
/// </list>
/// Every element of every product is the same fixed-order chain over k as in the sequential path, so the weights are
/// bit-identical to one thread. Small products split in two lose more to the hand-over between the cores than the
/// split gains; here the cores hand over at the start of the step, per task of the list, and at its end. Starting
/// updates early gains a little while both cores run freely and up to a quarter on Figure 7 when one core is slowed
/// (<c>bench/NeuroLc.Bench -- alternate lane-schedule [--slowed-core]</c>; figures in bench/README.md, session Q).
/// </summary>
internal sealed unsafe partial class RateNetwork
{
    private readonly StepLane[]? _lanes;
    private readonly Action<int>? _lanePart;
    private readonly float[]? _signalPanels;

    // The step in flight, read by both lanes.
    private int _stepRows;
    private bool _stepTraining;
    private long _stepUpdate;
    private float** _stepInputRows;
    private float _stepAlpha;
    private int _stepGroups;
    private int _nextGroup;
    private volatile bool _laneFailed;

    /// <summary>Weights from which a layer is kept only in the panel layout on two lanes.</summary>
    private const long PanelsOnlyMinimum = 65_536;

    /// <summary>
    /// Whether each lane notes the largest |w| of the matrices it just updated (<see cref="WeightMatrix.NoteMaxMagnitude"/>),
    /// for a per-step weight bound.
    /// </summary>
    public bool NoteMaxMagnitudes { get; set; }

    /// <summary>Whether steps run as two lanes (see the type's remarks).</summary>
    private bool TwoLanes => _lanes is not null;

    private static bool TwoLanesFit(ModelSpec spec, int threads) => threads >= 2;

    /// <summary>
    /// Whether networks built from now on keep wide layers with momentum as panels too (the default); off, those keep
    /// row-major weights and velocity, with the same bits. The benchmarks switch it to measure both side by side.
    /// </summary>
    internal static bool MomentumLayersAsPanels { get; set; } = true;

    /// <summary>
    /// Wide layers (at least <see cref="PanelsOnlyMinimum"/> weights) are kept only as panels, with momentum their
    /// velocity too: their update (W¹'s in row chunks, or each lane's columns) writes into the panel copy that the
    /// forward product reads (with momentum V's panels, each tile then added to W's: <c>Sgemm.MultiplyIntoPanels</c>),
    /// and BP's learning channel reads W's rows from it (<c>Sgemm.Panels.cs</c>), so no step writes the row-major weights back and re-packs them
    /// (1 MB per layer of Figure 12, 313 KB for Figure 7's W¹). On narrow layers the copy is cheap.
    /// With BP (AVX-512), every W^h (h ≥ 2) also keeps the panels of its transpose for the learning channel's δ·Wᵀ
    /// (<see cref="ConjoinedSignal"/>): written by the update of a panels-only layer, transposed from the fresh panels
    /// after the update of a narrow one (Figure 7's 100×100 layers: no lane packs Wᵀ for itself any more; a step
    /// 3–7 % less at the lower quartile and median, alternating blocks of steps).
    /// Every learning-channel matrix gets a panel copy as well (Conjoined C, Distinct D, C′, A′), packed once when
    /// fixed, written by its updates when adaptive (only panels when wide): otherwise each lane packed every such
    /// matrix for its products in every step.
    /// </summary>
    private void KeepWideLayersAsPanels()
    {
        foreach (WeightMatrix? c in _feedback.Concat(_lateralC).Concat(_lateralA))
        {
            if (c is null || c.Panels != null)
            {
                continue;
            }

            c.EnablePanels(Sgemm.PanelFloats(c.Rows, c.Cols));
            if (c.Adaptive && (long)c.Rows * c.Cols >= PanelsOnlyMinimum && (MomentumLayersAsPanels || !c.HasVelocity))
            {
                c.KeepOnlyPanels();
            }
        }

        for (int h = 1; h <= _layers; h++)
        {
            WeightMatrix w = _w[h];
            if ((long)w.Rows * w.Cols >= PanelsOnlyMinimum && (MomentumLayersAsPanels || !w.HasVelocity))
            {
                w.KeepOnlyPanels();
            }

            if (h >= 2 && _spec.Algorithm == Algorithm.BP && _gemm.Path == SgemmPath.Vector512 && w.Panels != null)
            {
                w.EnableTransposedPanels();
            }
        }
    }

    /// <summary>One training step on two lanes; returns the summed loss.</summary>
    private double TwoLaneStep(int rows, float alpha, long update, float** inputRows, out int correct)
    {
        _stepTraining = true;
        _stepAlpha = alpha;
        double loss = RunLanes(rows, update, inputRows, out correct);
        _w[1].UpdateFinished();
        return loss;
    }

    /// <summary>An evaluation pass (no dropout, no updates) on two lanes.</summary>
    private double TwoLaneForward(int rows, out int correct)
    {
        _stepTraining = false;
        return RunLanes(rows, 0, null, out correct);
    }

    private double RunLanes(int rows, long update, float** inputRows, out int correct)
    {
        EnsurePanels();
        _stepRows = rows;
        _stepUpdate = update;
        _stepInputRows = inputRows;
        Array.Clear(_taskClaimed!);
        _stepGroups = RowGroups(rows);
        _nextGroup = 0;
        _firstLayerHalvesDone = 0;
        Array.Clear(_groupsReady!);
        _laneFailed = false;
        _gemm.RunOnBothThreads(_lanePart!);
        // Summed in group order, as the sequential pass does (ForwardPass).
        return SumGroups(_stepGroups, out correct);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void LanePart(int part)
    {
        try
        {
            StepLane lane = _lanes![part];
            int firstLayer = 1;
            if (FirstLayerSplitByColumns)
            {
                if (!LaneFirstLayer(lane, part))
                {
                    return;
                }

                firstLayer = 2;
            }

            int group;
            while ((group = Interlocked.Increment(ref _nextGroup) - 1) < _stepGroups && !_laneFailed)
            {
                LaneRows(lane, _groupBounds[group], _groupBounds[group + 1], group, firstLayer);
            }

            if (!_stepTraining)
            {
                return;
            }

            ClaimUpdates(lane, part);
        }
        catch
        {
            // The other lane may be waiting for this one.
            _laneFailed = true;
            throw;
        }
    }

    /// <summary>
    /// Minibatch rows [r0, r1) (row group <paramref name="group"/>) forward from layer <paramref name="firstLayer"/>
    /// (2 when the lanes computed the first layer by columns), with their loss, and in training down the learning
    /// channel, their rows of R¹ packed where the first layer's update reads them.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void LaneRows(StepLane lane, int r0, int r1, int group, int firstLayer)
    {
        LaneForward(lane, r0, r1, firstLayer);
        _groupLoss[group] = lane.Loss;
        _groupCorrect[group] = lane.Correct;
        if (!_stepTraining)
        {
            return;
        }

        if (_spec.Architecture == ChannelArchitecture.Distinct || _spec.LearningChannelRule == LearningChannelRule.Stdp)
        {
            if (_spec.Architecture == ChannelArchitecture.Distinct)
            {
                DistinctRows(lane, r0, r1, _stepUpdate);
            }
            else
            {
                StdpRows(lane, r0, r1, _stepUpdate);
            }

            // These channels run all their layers in one pass: every W^h is free at its end.
            for (int h = 2; h <= _layers; h++)
            {
                MarkReady(h);
            }
        }
        else
        {
            // W^h may change once the group's rows of R^h are final (δ^L: at the end of the forward pass) and its
            // learning channel no longer reads W^h: BP's R^{h−1} is the last to read it, RBP's and SRBP's never do.
            bool channelReadsW = _spec.Algorithm == Algorithm.BP;
            if (!channelReadsW)
            {
                LayerDoneBy(group, _layers);
            }

            for (int h = _layers - 1; h >= 1; h--)
            {
                ConjoinedSignal(lane, h, r0, r1);
                int freed = channelReadsW ? h + 1 : h;
                if (freed >= 2)
                {
                    LayerDoneBy(group, freed);
                }
            }
        }

        // The group's rows of R^1 are steps of the first layer's update product: pack them where it reads them.
        int n1 = _n[1];
        Sgemm.PackRows(WeightMatrix.Address(_signal[1]), n1, _stepRows, n1, r0, r1, SignalPanels, 0, Sgemm.PanelCount(n1));
        MarkReady(1);
    }

    /// <summary>Minibatch rows [r0, r1) through layers <paramref name="firstLayer"/> … L, with the loss of those rows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void LaneForward(StepLane lane, int r0, int r1, int firstLayer)
    {
        int L = _layers;
        int count = r1 - r0;
        float* input;
        float** rowsOfInput = null;
        if (firstLayer == 1)
        {
            input = WeightMatrix.Address(_s[0]) + ((long)r0 * _n[0]);
            rowsOfInput = _stepInputRows == null ? null : _stepInputRows + r0;
        }
        else
        {
            int below = firstLayer - 1;
            input = WeightMatrix.Address(_stepTraining && _mask[below] is not null ? _od[below] : _o[below]) + ((long)r0 * _n[below]);
        }

        lane.Training = _stepTraining;
        lane.Step = _stepUpdate;
        lane.RowOffset = r0;
        for (int h = firstLayer; h <= L; h++)
        {
            WeightMatrix w = _w[h];
            lane.Layer = h;
            float* s = WeightMatrix.Address(_s[h]) + ((long)r0 * w.Cols);
            lane.Gemm.MultiplyPrepacked(count, w.Cols, w.Rows, 1f, input, w.Rows, rowsOfInput, w.Panels, 0f, s, w.Cols, h < L ? lane.ForwardRows : null);
            input = WeightMatrix.Address(_stepTraining && _mask[h] is not null ? _od[h] : _o[h]) + ((long)r0 * w.Cols);
            rowsOfInput = null;
        }

        lane.Loss = OutputRows(r0, r1, out int correct);
        lane.Correct = correct;
    }

    private float* SignalPanels => WeightMatrix.AlignedAddress(_signalPanels!);
}

using System.Runtime.CompilerServices;
using NeuroLc.RateAdapters.Kernels;

namespace NeuroLc.RateAdapters.Training;

/// <summary>
/// A training step on two threads (every architecture and rule: BP, RBP, SRBP, ARBP and ASRBP with the Hebbian or the
/// STDP rule, Conjoined or Distinct), as two lanes that hand work over through a list of update tasks instead of a
/// sequence of products each split in two.
/// <list type="number">
/// <item>Rows: each lane takes a half of the minibatch (<see cref="RowGroups"/>), claimed in turn, through every
/// layer, forward (S^h, O^h, the output and the loss) and down the learning channel (R^{L−1} … R^1, eqs. 7, 10, 11; the STDP rule's two phases, eqs. 15–18; a
/// Distinct channel's λ^h and C′ products): a row only ever needs the same row of the layer before, so the lanes do
/// not wait for each other.</item>
/// <item>Updates (ΔW^h sums over all rows): the products ΔW^2 … ΔW^L, then the first layer's in chunks of rows, are
/// claimed from a fixed list by whichever lane is free, each as soon as every row group is done with its layer
/// (<see cref="MarkReady"/>; session Q — before, both lanes met once after the rows): a lane that finishes its rows
/// first updates the top layers while the other still runs the learning channel below. BP's R^h uses the pre-update
/// W^{h+1}, as eq. 7 requires, because W^{h+1} waits until every group's R^h is done. An adaptive channel's C^h
/// (eqs. 12, 19), b¹ and W¹ wait for the whole rows phase: their updates read the step's signals and activities,
/// and every R^h read the pre-update C.</item>
/// </list>
/// Every element of every product is the same fixed-order chain over k as in the sequential path, so the weights are
/// bit-identical to one thread. Small products split in two lose more to the hand-over between the cores than the
/// split gains; here the cores hand over at the start of the step, per task of the list, and at its end. Starting
/// updates early changes little while both cores run freely (in-process alternation of blocks of 20 steps, median:
/// Figure 12 RBP −2 to −3 %, SRBP −1 to −7 %, BP ±1 %; Figure 7 −1 to −4 %) and much when one core is slowed (a
/// low-priority busy loop on one vCPU: Figure 7 BP, RBP and SRBP 22–25 % less, Figure 12 0–5 %).
/// </summary>
internal sealed unsafe partial class RateNetwork
{
    /// <summary>Rows of W¹ per update chunk, in register blocks: small enough to balance the lanes at the end.</summary>
    private const int ChunkBlocks = 8;

    private readonly StepLane[]? _lanes;
    private readonly Action<int>? _lanePart;
    private readonly float[]? _signalPanels;
    private readonly UpdateTask[]? _updateTasks;

    // The step in flight, read by both lanes.
    private int _stepRows;
    private bool _stepTraining;
    private long _stepUpdate;
    private float** _stepInputRows;
    private float _stepAlpha;
    private readonly int[]? _taskClaimed;
    private int _stepGroups;
    private int _nextGroup;
    private readonly int[]? _groupsReady;
    private int _earlyUpdates;
    private volatile bool _laneFailed;

    /// <summary>Weights from which a layer is kept only in the panel layout on two lanes.</summary>
    private const long PanelsOnlyMinimum = 65_536;

    /// <summary>Rows of W¹ per update chunk.</summary>
    private int ChunkRows => ChunkBlocks * SgemmPaths.RowsPerBlock(_gemm.Path);

    /// <summary>
    /// Whether each lane notes the largest |w| of the matrices it just updated (<see cref="WeightMatrix.NoteMaxMagnitude"/>),
    /// for a per-step weight bound.
    /// </summary>
    public bool NoteMaxMagnitudes { get; set; }

    /// <summary>Whether steps run as two lanes (see the type's remarks).</summary>
    private bool TwoLanes => _lanes is not null;

    private static bool TwoLanesFit(ModelSpec spec, int threads) => threads >= 2;

    /// <summary>What one task of a two-lane step's update list writes.</summary>
    private enum UpdateKind
    {
        /// <summary>W^h (h ≥ 2) whole, with its bias.</summary>
        Forward,

        /// <summary>The first layer's bias b¹.</summary>
        FirstBias,

        /// <summary>Rows [Row, Row + <see cref="ChunkRows"/>) of W¹.</summary>
        FirstChunk,

        /// <summary>The adaptive learning-channel matrix that feeds hidden layer <see cref="UpdateTask.Layer"/>.</summary>
        Channel,
    }

    /// <summary>
    /// One task of the update list: its kind, its layer, the first row of a W¹ chunk, its weight count, and the entry
    /// of the readiness counts (<see cref="MarkReady"/>) that must reach the step's row groups before it starts.
    /// </summary>
    private readonly record struct UpdateTask(UpdateKind Kind, int Layer, int Row, long Weights, int ReadyAfter);

    /// <summary>
    /// Whether networks built from now on start each W^h's update as soon as every row group is done with layer h
    /// (<see cref="MarkReady"/>; the default); off, every update waits for all rows of the step, as before session
    /// Q, with the same bits. The benchmarks switch it to measure both side by side.
    /// </summary>
    internal static bool UpdatesByLayerReadiness { get; set; } = true;

    /// <summary>
    /// Whether the update of <paramref name="w"/> also rewrites the panels of a wide Wᵀ (BP on Figure 12's 500×500
    /// layers): such an update waits for the whole rows phase. Started early, its 3 MB of traffic through the shared
    /// cache slowed the lane still in the learning channel more than the early start won (a Figure 12 BP step 6–10 %
    /// slower in three of four comparisons with one core slowed, where Figure 7's narrow layers gained 22–25 %).
    /// </summary>
    private static bool RewritesWideTranspose(WeightMatrix w) => w.PanelsOnly && w.TransposedPanels != null;

    /// <summary>
    /// The update list: W^2 … W^L whole (each with its bias) and an adaptive channel's C matrices, largest first so the
    /// lanes end close together, then b¹, then W¹ in chunks of rows. Each task notes when it may start
    /// (<see cref="UpdateTask.ReadyAfter"/>): W^h once every row group is done with layer h, the rest after the whole
    /// rows phase; without <see cref="UpdatesByLayerReadiness"/> every task waits for the whole rows phase.
    /// </summary>
    private UpdateTask[] UpdateTasks()
    {
        bool byLayer = UpdatesByLayerReadiness;
        var forward = new List<UpdateTask>();
        for (int h = 2; h <= _layers; h++)
        {
            forward.Add(new UpdateTask(UpdateKind.Forward, h, 0, (long)_n[h - 1] * _n[h], byLayer && !RewritesWideTranspose(_w[h]) ? h : 1));
        }

        var channel = new List<UpdateTask>();
        if (Adaptive)
        {
            for (int h = 1; h < _layers; h++)
            {
                (WeightMatrix first, WeightMatrix? second) = ChannelMatrices(h);
                long weights = ((long)first.Rows * first.Cols) + (second is null ? 0 : (long)second.Rows * second.Cols);
                channel.Add(new UpdateTask(UpdateKind.Channel, h, 0, weights, 1));
            }
        }

        // A stable sort: equal sizes keep W before C and lower layers first.
        List<UpdateTask> tasks = [.. forward.Concat(channel).OrderByDescending(t => t.Weights)];
        tasks.Add(new UpdateTask(UpdateKind.FirstBias, 1, 0, _n[1], 1));
        for (int r0 = 0; r0 < _n[0]; r0 += ChunkRows)
        {
            tasks.Add(new UpdateTask(UpdateKind.FirstChunk, 1, r0, (long)Math.Min(ChunkRows, _n[0] - r0) * _n[1], 1));
        }

        return [.. tasks];
    }

    /// <summary>
    /// Whether networks built from now on keep wide layers with momentum as panels too (the default); off, those keep
    /// row-major weights and velocity, with the same bits. The benchmarks switch it to measure both side by side.
    /// </summary>
    internal static bool MomentumLayersAsPanels { get; set; } = true;

    /// <summary>
    /// Wide layers (at least <see cref="PanelsOnlyMinimum"/> weights) are kept only as panels, with momentum their
    /// velocity too: their update (W¹'s in row chunks) writes into the panel copy that the forward product reads (with
    /// momentum V's panels, each tile then added to W's: <c>Sgemm.MultiplyIntoPanels</c>), and BP's learning channel
    /// reads W's rows from it (<c>Sgemm.Panels.cs</c>), so no step writes the row-major weights back and re-packs them
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
            int group;
            while ((group = Interlocked.Increment(ref _nextGroup) - 1) < _stepGroups && !_laneFailed)
            {
                LaneRows(lane, _groupBounds[group], _groupBounds[group + 1], group);
            }

            if (!_stepTraining)
            {
                return;
            }

            ClaimUpdates(lane);
        }
        catch
        {
            // The other lane may be waiting for this one.
            _laneFailed = true;
            throw;
        }
    }

    /// <summary>
    /// Minibatch rows [r0, r1) (row group <paramref name="group"/>) forward, with their loss, and in training down the
    /// learning channel, their rows of R¹ packed where the first layer's update reads them.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void LaneRows(StepLane lane, int r0, int r1, int group)
    {
        LaneForward(lane, r0, r1);
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

    /// <summary>
    /// Counts one more row group done with layer <paramref name="h"/>: its rows of R^h (δ^L for h = L) are final and
    /// its learning channel no longer reads W^h. Entry 1 counts groups done with the whole step (R¹ packed), after
    /// which b¹, W¹ and an adaptive channel may change. The update of W^h starts when every group is done with
    /// layer h (<see cref="ClaimNextTask"/>): a lane that finishes its rows early updates the top layers while the
    /// other lane still runs the learning channel below, where both waited for each other before.
    /// </summary>
    private void MarkReady(int h) => Interlocked.Increment(ref _groupsReady![h]);

    /// <summary><see cref="MarkReady"/> for a Conjoined channel's layer h ≥ 2, then the tests' <see cref="LayerDone"/>.</summary>
    private void LayerDoneBy(int group, int h)
    {
        MarkReady(h);
        LayerDone?.Invoke(group, h);
    }

    /// <summary>
    /// Called by a lane with (row group, h) each time a group of a Conjoined channel is done with layer h ≥ 2; the
    /// tests slow one lane down through it, so the other certainly starts updates early.
    /// </summary>
    internal Action<int, int>? LayerDone { get; set; }

    /// <summary>Updates started while some row group was still in the rows phase, since construction (for the tests).</summary>
    internal int EarlyUpdates => Volatile.Read(ref _earlyUpdates);

    /// <summary>Minibatch rows [r0, r1) through every layer, with the loss of those rows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void LaneForward(StepLane lane, int r0, int r1)
    {
        int L = _layers;
        int count = r1 - r0;
        float* input = WeightMatrix.Address(_s[0]) + ((long)r0 * _n[0]);
        float** rowsOfInput = _stepInputRows == null ? null : _stepInputRows + r0;
        lane.Training = _stepTraining;
        lane.Step = _stepUpdate;
        lane.RowOffset = r0;
        for (int h = 1; h <= L; h++)
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

    /// <summary>
    /// Takes update tasks until every one is taken: each time the first task of the list that no lane has taken and
    /// that may start (<see cref="MarkReady"/>), waiting while none may. A lane that finishes its rows first thus
    /// updates the top layers that both lanes are done with, while the other lane still runs the learning channel
    /// below; the list keeps its order (W² first: BP's learning channel has just read W²ᵀ, whose panels its update
    /// rewrites, so those lines are still in cache).
    /// </summary>
    private void ClaimUpdates(StepLane lane)
    {
        int task;
        while ((task = ClaimNextTask()) >= 0)
        {
            RunUpdateTask(lane, _updateTasks![task]);
        }
    }

    /// <summary>
    /// The index of a task this lane now owns (see <see cref="ClaimUpdates"/>), or −1 when none is left or the other
    /// lane failed.
    /// </summary>
    private int ClaimNextTask()
    {
        UpdateTask[] tasks = _updateTasks!;
        int[] claimed = _taskClaimed!;
        int[] ready = _groupsReady!;
        var spinner = new SpinWait();
        while (!_laneFailed)
        {
            bool anyLeft = false;
            for (int t = 0; t < tasks.Length; t++)
            {
                if (Volatile.Read(ref claimed[t]) != 0)
                {
                    continue;
                }

                anyLeft = true;
                if (Volatile.Read(ref ready[tasks[t].ReadyAfter]) >= _stepGroups && Interlocked.Exchange(ref claimed[t], 1) == 0)
                {
                    if (Volatile.Read(ref ready[1]) < _stepGroups)
                    {
                        Interlocked.Increment(ref _earlyUpdates);
                    }

                    return t;
                }
            }

            if (!anyLeft)
            {
                return -1;
            }

            spinner.SpinOnce(sleep1Threshold: -1);
        }

        // The other lane failed: its exception is the step's (WorkerPair.Run reports it), so this lane just stops.
        return -1;
    }

    /// <summary>One task of the update list, on <paramref name="lane"/>'s engine.</summary>
    private void RunUpdateTask(StepLane lane, UpdateTask task)
    {
        (UpdateKind kind, int h, int r0, _, _) = task;
        int rows = _stepRows;
        float alpha = _stepAlpha;
        if (kind == UpdateKind.Channel)
        {
            ChannelUpdate(lane, h, rows, alpha);
            if (NoteMaxMagnitudes)
            {
                (WeightMatrix first, WeightMatrix? second) = ChannelMatrices(h);
                first.NoteMaxMagnitude();
                second?.NoteMaxMagnitude();
            }
        }
        else if (kind == UpdateKind.Forward)
        {
            Update(lane, _w[h], WeightMatrix.Address(ForwardPre(h)), null, WeightMatrix.Address(_signal[h]), rows, alpha);
            UpdateBias(lane, _b[h], _signal[h], rows, alpha);
            if (_w[h].TransposedPanels != null && !_w[h].TransposedCurrent)
            {
                _w[h].RefreshTransposed();
            }

            if (NoteMaxMagnitudes)
            {
                _w[h].NoteMaxMagnitude();
            }
        }
        else if (kind == UpdateKind.FirstBias)
        {
            UpdateBias(lane, _b[1], _signal[1], rows, alpha);
        }
        else
        {
            FirstLayerChunk(lane, r0);
        }
    }

    /// <summary>
    /// Rows [r0, r0 + chunk) of W¹ ← W¹ + α·Xᵀ·R¹ (through the velocity with momentum), finished (velocity, panel copy)
    /// by the lane that computed them.
    /// </summary>
    private void FirstLayerChunk(StepLane lane, int r0)
    {
        WeightMatrix m = _w[1];
        int r1 = Math.Min(r0 + ChunkRows, m.Rows);
        if (m.PanelsOnly)
        {
            bool velocity = m.VelocityPanels != null;
            lane.Gemm.MultiplyRowsIntoPanels(true, m.Rows, m.Cols, _stepRows, _stepAlpha, WeightMatrix.Address(_od[0]), m.Rows, _stepInputRows,
                SignalPanels, velocity ? _momentumValue : 1f, velocity ? m.VelocityPanels : m.Panels, r0, r1, velocity ? m.Panels : null);
            return;
        }

        bool momentum = m.HasVelocity;
        float* target = momentum ? WeightMatrix.Address(m.Velocity!) : m.Ptr;
        lane.Matrix = m;
        lane.Gemm.MultiplyRows(true, m.Rows, m.Cols, _stepRows, _stepAlpha, WeightMatrix.Address(_od[0]), m.Rows, _stepInputRows,
            SignalPanels, momentum ? _momentumValue : 1f, target, m.Cols, r0, r1, m.Panels != null || momentum ? lane.RowsDone : null);
        lane.Matrix = null;
    }

    private float* SignalPanels => WeightMatrix.AlignedAddress(_signalPanels!);
}

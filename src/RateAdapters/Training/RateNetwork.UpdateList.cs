using NeuroLc.RateAdapters.Kernels;

namespace NeuroLc.RateAdapters.Training;

/// <summary>
/// The update list of a two-lane step (<c>RateNetwork.TwoLanes.cs</c>): its tasks, when each may start, and how the
/// lanes claim and run them.
/// </summary>
internal sealed unsafe partial class RateNetwork
{
    private readonly UpdateTask[]? _updateTasks;
    private readonly int[]? _taskClaimed;
    private readonly int[]? _groupsReady;
    private int _earlyUpdates;

    /// <summary>Rows of W¹ per update chunk, in register blocks: small enough to balance the lanes at the end.</summary>
    private const int ChunkBlocks = 8;

    /// <summary>Rows of W¹ per update chunk.</summary>
    private int ChunkRows => ChunkBlocks * SgemmPaths.RowsPerBlock(_gemm.Path);

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

        /// <summary>The columns of W¹ that lane <see cref="UpdateTask.Owner"/> computed (RateNetwork.FirstLayerColumns.cs).</summary>
        FirstColumns,
    }

    /// <summary>
    /// One task of the update list: its kind, its layer, the first row of a W¹ chunk, its weight count, the entry of
    /// the readiness counts (<see cref="MarkReady"/>) that must reach the step's row groups before it starts, and the
    /// only lane that may take it (−1: either).
    /// </summary>
    private readonly record struct UpdateTask(UpdateKind Kind, int Layer, int Row, long Weights, int ReadyAfter, int Owner = -1);

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
    /// slower in three of four comparisons with one core slowed, in alternating blocks of steps).
    /// </summary>
    private static bool RewritesWideTranspose(WeightMatrix w) => w.PanelsOnly && w.TransposedPanels != null;

    /// <summary>
    /// The update list: W^2 … W^L whole (each with its bias) and an adaptive channel's C matrices, largest first so the
    /// lanes end close together, then b¹, then W¹ in chunks of rows (a first layer split by columns: each lane's own
    /// half, at the head of the list). Each task notes when it may start
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
        if (FirstLayerSplitByColumns)
        {
            // Each lane updates the columns of W¹ it computed, so those panels never leave its core. They are the
            // largest tasks and their halves differ by a panel: first in the list, so that a lane takes its own half
            // as soon as the rows phase ends and the smaller tasks still left even out the lanes.
            for (int part = 1; part >= 0; part--)
            {
                (int c0, int c1) = FirstLayerColumns(part);
                tasks.Insert(0, new UpdateTask(UpdateKind.FirstColumns, 1, 0, (long)_n[0] * (c1 - c0), 1, part));
            }

            return [.. tasks];
        }

        for (int r0 = 0; r0 < _n[0]; r0 += ChunkRows)
        {
            tasks.Add(new UpdateTask(UpdateKind.FirstChunk, 1, r0, (long)Math.Min(ChunkRows, _n[0] - r0) * _n[1], 1));
        }

        return [.. tasks];
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

    /// <summary>
    /// Takes update tasks until every one is taken: each time the first task of the list that no lane has taken and
    /// that may start (<see cref="MarkReady"/>), waiting while none may. A lane that finishes its rows first thus
    /// updates the top layers that both lanes are done with, while the other lane still runs the learning channel
    /// below; the list keeps its order (W² first: BP's learning channel has just read W²ᵀ, whose panels its update
    /// rewrites, so those lines are still in cache).
    /// </summary>
    private void ClaimUpdates(StepLane lane, int part)
    {
        int task;
        while ((task = ClaimNextTask(part)) >= 0)
        {
            RunUpdateTask(lane, part, _updateTasks![task]);
        }
    }

    /// <summary>
    /// The index of a task lane <paramref name="part"/> now owns (see <see cref="ClaimUpdates"/>), or −1 when none that
    /// it may take is left or the other lane failed.
    /// </summary>
    private int ClaimNextTask(int part)
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
                if (Volatile.Read(ref claimed[t]) != 0 || (tasks[t].Owner >= 0 && tasks[t].Owner != part))
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

    /// <summary>One task of the update list, on the engine of <paramref name="lane"/> (lane <paramref name="part"/>).</summary>
    private void RunUpdateTask(StepLane lane, int part, UpdateTask task)
    {
        (UpdateKind kind, int h, int r0, _, _, _) = task;
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
        else if (kind == UpdateKind.FirstColumns)
        {
            FirstLayerColumnsUpdate(lane, part);
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
}

using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using NeuroLc.RateAdapters.Kernels;

namespace NeuroLc.RateAdapters.Training;

/// <summary>
/// Minibatch rate network of DESIGN.md section 5, rows = examples: S^h = O^{h−1} W^h + b^h, O^h = f(S^h),
/// softmax or logistic output, E = T − O^L. This part holds the state and the forward pass; the learning channel
/// is in RateNetwork.Backward.cs and RateNetwork.ChannelRows.cs, the updates in RateNetwork.Updates.cs, the two-lane
/// step in RateNetwork.TwoLanes.cs and RateNetwork.UpdateList.cs.
/// </summary>
internal sealed unsafe partial class RateNetwork : IDisposable
{
    private readonly ModelSpec _spec;
    private readonly int _layers;
    private readonly int[] _n;
    private readonly int _batch;
    private readonly ulong _seed;
    private readonly Sgemm _gemm;
    private readonly bool _momentum;
    private readonly float _momentumValue;
    private readonly bool _lcTanh;
    private readonly float _pForward;
    private readonly float _pLearning;

    // Indexed by weight layer h = 1..L (index 0 unused).
    private readonly WeightMatrix[] _w;
    private readonly WeightMatrix[] _b;
    private readonly WeightMatrix?[] _feedback;
    private readonly WeightMatrix?[] _lateralC;
    private readonly WeightMatrix?[] _lateralA;
    private readonly float[][] _s;
    private readonly float[][] _o;
    private readonly float[][] _od;
    private readonly float[]?[] _mask;
    private readonly float[]?[] _lcMask;
    private readonly float[][] _signal;
    private readonly float[][] _z;
    private readonly float[][] _g;
    private readonly float[]?[] _post;
    private readonly float[]?[] _lambda;
    private readonly float[]?[] _zLambda;
    private readonly float[]?[] _postLambda;
    private readonly float[]?[] _o1;
    private readonly float[]?[] _o2;
    private readonly float[] _targets;
    private readonly StepLane _lane;

    /// <summary>Allocates every buffer for minibatches of up to <paramref name="batch"/> rows and initialises the weights.</summary>
    public RateNetwork(ModelSpec spec, int batch, ulong seed, int threads, float momentum)
    {
        _spec = spec;
        _n = spec.LayerSizes;
        _layers = _n.Length - 1;
        _batch = batch;
        _seed = seed;
        _momentumValue = momentum;
        _momentum = momentum > 0f;
        _lcTanh = spec.LearningChannelActivation == Activation.Tanh;
        _pForward = (float)spec.DropoutForward;
        _pLearning = (float)spec.DropoutLearningChannel;
        _gemm = new Sgemm(threads);
        int L = _layers;
        _w = new WeightMatrix[L + 1];
        _b = new WeightMatrix[L + 1];
        _feedback = new WeightMatrix?[L + 1];
        _lateralC = new WeightMatrix?[L + 1];
        _lateralA = new WeightMatrix?[L + 1];
        _s = new float[L + 1][];
        _o = new float[L + 1][];
        _od = new float[L + 1][];
        _mask = new float[L + 1][];
        _lcMask = new float[L + 1][];
        _signal = new float[L + 1][];
        _z = new float[L + 1][];
        _g = new float[L + 1][];
        _post = new float[L + 1][];
        _lambda = new float[L + 1][];
        _zLambda = new float[L + 1][];
        _postLambda = new float[L + 1][];
        _o1 = new float[L + 1][];
        _o2 = new float[L + 1][];
        _targets = WeightMatrix.Pinned(batch * _n[L]);
        _lane = NewLane(_gemm);
        _s[0] = WeightMatrix.Pinned(batch * _n[0]);
        _o[0] = _s[0];
        _od[0] = _s[0];
        for (int h = 1; h <= L; h++)
        {
            _w[h] = new WeightMatrix(h, "forward", _n[h - 1], _n[h], isBias: false, adaptive: true, _momentum);
            _w[h].Initialize(spec.Init, null, seed, (ulong)h);
            _w[h].EnablePanels(Sgemm.PanelFloats(_n[h - 1], _n[h]));
            _b[h] = new WeightMatrix(h, "forward", 1, _n[h], isBias: true, adaptive: true, _momentum);
            int size = batch * _n[h];
            _s[h] = WeightMatrix.Pinned(size);
            _o[h] = WeightMatrix.Pinned(size);
            _signal[h] = WeightMatrix.Pinned(size);
            bool hidden = h < L;
            _mask[h] = hidden && _pForward > 0f ? WeightMatrix.Pinned(size) : null;
            _od[h] = _mask[h] is null ? _o[h] : WeightMatrix.Pinned(size);
            if (hidden)
            {
                _z[h] = WeightMatrix.Pinned(size);
                _g[h] = _lcTanh || spec.LearningChannelRule == LearningChannelRule.Stdp ? WeightMatrix.Pinned(size) : _z[h];
                _lcMask[h] = _pLearning > 0f ? WeightMatrix.Pinned(size) : null;
            }
        }

        BuildLearningChannel();
        EnableFixedChannelPanels();
        if (TwoLanesFit(spec, threads))
        {
            _lanes = [NewLane(new Sgemm(1, _gemm.Path)), NewLane(new Sgemm(1, _gemm.Path))];
            _lanePart = LanePart;
            _signalPanels = WeightMatrix.Pinned(Sgemm.PanelFloats(batch, _n[1]) + 16);
            _groupsReady = new int[L + 1];
            KeepWideLayersAsPanels();
            _firstLayerSplit = FirstLayerColumnSplit();
            // After the panels: the list reads which layers keep a wide transpose (RewritesWideTranspose).
            _updateTasks = UpdateTasks();
            _taskClaimed = new int[_updateTasks.Length];
        }
    }

    /// <summary>A lane on <paramref name="gemm"/> whose epilogues finish rows of this network's layers.</summary>
    private StepLane NewLane(Sgemm gemm)
    {
        var lane = new StepLane(gemm, _n.Max());
        lane.ForwardRows = (r0, r1) => ForwardRows(lane, r0, r1);
        lane.SignalRows = (r0, r1) => HiddenSignalRows(lane, r0, r1);
        return lane;
    }

    /// <summary>Weight layers L.</summary>
    public int Layers => _layers;

    /// <summary>Largest minibatch the buffers hold.</summary>
    public int BatchCapacity => _batch;

    /// <summary>Units per layer.</summary>
    public IReadOnlyList<int> Sizes => _n;

    /// <summary>Every matrix and bias in the fixed order used for hashing and checkpoints.</summary>
    public IEnumerable<WeightMatrix> Parameters()
    {
        for (int h = 1; h <= _layers; h++)
        {
            yield return _w[h];
            yield return _b[h];
        }

        for (int h = 1; h <= _layers; h++)
        {
            if (_feedback[h] is { } f)
            {
                yield return f;
            }

            if (_lateralC[h] is { } c)
            {
                yield return c;
            }

            if (_lateralA[h] is { } a)
            {
                yield return a;
            }
        }
    }

    /// <summary>Forward matrix W^h.</summary>
    public WeightMatrix Forward(int h) => _w[h];

    /// <summary>Conjoined feedback matrix at h (RBP: C^h carries layer h to h−1; SRBP: C^h carries E to h), or null.</summary>
    public WeightMatrix? Feedback(int h) => _feedback[h];

    /// <summary>Input rows of the next minibatch (write here before <see cref="TrainStep(int, float, long, out int)"/> or <see cref="Evaluate"/>).</summary>
    public Span<float> InputBuffer => _s[0];

    /// <summary>Target rows of the next minibatch.</summary>
    public Span<float> TargetBuffer => _targets;

    /// <summary>Output probabilities of the last pass (rows × n_L).</summary>
    public ReadOnlySpan<float> Output => _o[_layers];

    /// <summary>
    /// Forward pass over the first <paramref name="rows"/> input rows; in training, inverted dropout on hidden units
    /// (masks keyed by <paramref name="update"/>). Returns the summed loss and sets <paramref name="correct"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double ForwardPass(int rows, bool training, long update, float** inputRows, out int correct)
    {
        int L = _layers;
        float* input = WeightMatrix.Address(_s[0]);
        float** rowsOfInput = inputRows;
        _lane.Training = training;
        _lane.Step = update;
        _lane.RowOffset = 0;
        for (int h = 1; h <= L; h++)
        {
            int n = _n[h];
            float* s = WeightMatrix.Address(_s[h]);
            // Bias, transfer function and dropout run on each thread's own rows right after its part of the product.
            _lane.Layer = h;
            Multiply(_w[h], rows, input, rowsOfInput, s, h < L ? _lane.ForwardRows : null);
            input = WeightMatrix.Address(training && _mask[h] is not null ? _od[h] : _o[h]);
            rowsOfInput = null;
        }

        // The loss is summed over the same row groups as on two lanes, so its bits do not depend on the threads.
        int groups = RowGroups(rows);
        for (int g = 0; g < groups; g++)
        {
            _groupLoss[g] = OutputRows(_groupBounds[g], _groupBounds[g + 1], out _groupCorrect[g]);
        }

        return SumGroups(groups, out correct);
    }

    /// <summary>
    /// Output rows [r0, r1): O^L = S^L + b^L through softmax or logistic, E = T − O^L; returns their summed loss and
    /// sets how many were classified correctly.
    /// </summary>
    private double OutputRows(int r0, int r1, out int correct)
    {
        int n = _n[_layers];
        int start = r0 * n;
        int length = (r1 - r0) * n;
        ActivationKernels.BiasActivation(_s[_layers].AsSpan(start, length), _b[_layers].Values.AsSpan(0, n), r1 - r0, Activation.Identity, _o[_layers].AsSpan(start, length));
        Span<float> output = _o[_layers].AsSpan(start, length);
        ReadOnlySpan<float> targets = _targets.AsSpan(start, length);
        Span<float> error = _signal[_layers].AsSpan(start, length);
        return _spec.Output == OutputKind.Softmax
            ? LossKernels.SoftmaxCrossEntropy(output, targets, r1 - r0, n, error, out correct)
            : LossKernels.LogisticCrossEntropy(output, targets, r1 - r0, n, error, out correct);
    }

    /// <summary>
    /// First row of the second lane: half the register blocks, rounded up (the split the two-thread products use).
    /// </summary>
    private int LaneSplit(int rows)
    {
        int mr = SgemmPaths.RowsPerBlock(_gemm.Path);
        int blocks = (rows + mr - 1) / mr;
        return Math.Min(rows, ((blocks + 1) / 2) * mr);
    }

    /// <summary>S = input · W for a forward matrix, from its panel copy when the last update left it current.</summary>
    private void Multiply(WeightMatrix w, int rows, float* input, float** inputRows, float* s, Action<int, int>? epilogue)
    {
        if (w.PanelsCurrent)
        {
            _gemm.MultiplyPrepacked(rows, w.Cols, w.Rows, 1f, input, w.Rows, inputRows, w.Panels, 0f, s, w.Cols, epilogue);
        }
        else
        {
            _gemm.Multiply(false, false, rows, w.Cols, w.Rows, 1f, input, w.Rows, inputRows, w.Ptr, w.Cols, 0f, s, w.Cols, epilogue);
        }
    }

    /// <summary>
    /// Rows [r0, r1) (from the lane's row offset) of hidden layer <see cref="StepLane.Layer"/>: S ← S + b, O = f(S)
    /// and, in training with dropout, the inverted mask (counter offsets are element indices, so the mask does not
    /// depend on the row split).
    /// </summary>
    private void ForwardRows(StepLane lane, int r0, int r1)
    {
        int h = lane.Layer;
        int n = _n[h];
        int start = (lane.RowOffset + r0) * n;
        int length = (r1 - r0) * n;
        ActivationKernels.BiasActivation(_s[h].AsSpan(start, length), _b[h].Values.AsSpan(0, n), r1 - r0, _spec.Hidden, _o[h].AsSpan(start, length));
        if (lane.Training)
        {
            ForwardDropout(h, lane.Step, start, length);
        }
    }

    /// <summary>
    /// Elements [start, start + length) of hidden layer h's forward dropout in update <paramref name="update"/>: the
    /// inverted mask (its counters are element indices, so any cut of the layer gives the same mask) and O ⊙ mask;
    /// nothing without dropout.
    /// </summary>
    private void ForwardDropout(int h, long update, int start, int length)
    {
        if (_mask[h] is not { } mask)
        {
            return;
        }

        Span<float> m = mask.AsSpan(start, length);
        DropoutKernels.FillMask(m, _pForward, _seed, Stream(update, 0, h), (ulong)start);
        TensorPrimitives.Multiply(_o[h].AsSpan(start, length), m, _od[h].AsSpan(start, length));
    }

    /// <summary>Evaluation pass without dropout over the rows in the input/target buffers.</summary>
    public double Evaluate(int rows, out int correct)
    {
        // Evaluation reads the undropped activations, so the dropout outputs are bypassed.
        return TwoLanes ? TwoLaneForward(rows, out correct) : ForwardPass(rows, training: false, 0, null, out correct);
    }

    /// <summary>Dropout stream id: one per (update, channel, layer).</summary>
    private static ulong Stream(long update, int channel, int layer) => ((ulong)update << 8) | ((uint)channel << 6) | (uint)layer;

    /// <summary>Stops the product engine's worker.</summary>
    public void Dispose()
    {
        _gemm.Dispose();
        foreach (StepLane lane in _lanes ?? [])
        {
            lane.Gemm.Dispose();
        }
    }
}

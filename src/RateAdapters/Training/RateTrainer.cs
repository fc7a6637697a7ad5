using System.Diagnostics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using NeuroLc.RateAdapters.Kernels;

namespace NeuroLc.RateAdapters.Training;

/// <summary>
/// Trains one rate network by minibatch SGD: <see cref="Step"/> runs one update, <see cref="EndEpoch"/> closes an
/// epoch with its metrics. Every random choice derives from <see cref="TrainingSpec.Seed"/>, so a seed gives
/// bit-identical weights for any thread count, and a checkpoint resumes bit-identically.
/// </summary>
public sealed unsafe partial class RateTrainer : IDisposable
{
    private readonly ModelSpec _model;
    private readonly TrainingSpec _training;
    private readonly Dataset _train;
    private readonly Dataset? _validation;
    private readonly RateNetwork _network;
    private readonly int _batch;
    private readonly Stopwatch _watch = new();
    private readonly nint[] _rowAddresses;
    private int[] _permutation;
    private int _epoch;
    private int _cursor;
    private long _updates;
    private double _lossSum;
    private long _correctSum;
    private long _seenSum;

    /// <summary>
    /// Checks the specifications against the data (throwing <see cref="ArgumentException"/> naming the field) and
    /// initialises the network.
    /// </summary>
    public RateTrainer(ModelSpec model, TrainingSpec training, Dataset train, Dataset? validation)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(train);
        model.Validate();
        training.Validate();
        CheckData(model, train, nameof(train));
        if (validation is not null)
        {
            CheckData(model, validation, nameof(validation));
        }

        if (train.Count < training.BatchSize)
        {
            throw new ArgumentException($"Dataset '{train.Name}' has {train.Count} examples, fewer than TrainingSpec.BatchSize = {training.BatchSize}.", nameof(train));
        }

        _model = model;
        _training = training;
        _train = train;
        _validation = validation;
        _batch = training.BatchSize;
        _network = new RateNetwork(model, _batch, training.Seed, training.Threads, training.Momentum)
        {
            NoteMaxMagnitudes = training.WeightBound is not null,
        };
        // Where each row of the minibatch starts, read by the first layer's products (pinned: its address is passed on).
        _rowAddresses = GC.AllocateArray<nint>(_batch, pinned: true);
        _permutation = Permutation(0);
    }

    /// <summary>Updates done so far.</summary>
    public long Updates => _updates;

    /// <summary>Epochs completed so far.</summary>
    public int Epoch => _epoch;

    /// <summary>Minibatches per epoch (the incomplete last batch is dropped).</summary>
    public int UpdatesPerEpoch => _train.Count / _batch;

    /// <summary>Forward weights (biases excluded), the count used for synapse-updates per second.</summary>
    public long SynapseCount
    {
        get
        {
            long total = 0;
            for (int h = 1; h <= _network.Layers; h++)
            {
                total += (long)_network.Sizes[h - 1] * _network.Sizes[h];
            }

            return total;
        }
    }

    /// <summary>The network itself (tests compare its matrices with reference implementations).</summary>
    internal RateNetwork Network => _network;

    /// <summary>The current epoch's example order (tests replay it on the cell engine).</summary>
    internal ReadOnlySpan<int> EpochOrder => _permutation;

    /// <summary>The model being trained.</summary>
    public ModelSpec Model => _model;

    /// <summary>The training settings.</summary>
    public TrainingSpec Training => _training;

    /// <summary>
    /// One minibatch update with η_t = η₀/(1 + decay·t). Returns false, doing nothing, when the epoch has no complete
    /// batch left or <see cref="TrainingSpec.MaxUpdates"/> is reached. Throws <see cref="TrainingDivergedException"/>
    /// when the loss is not finite or a weight leaves <see cref="TrainingSpec.WeightBound"/>.
    /// </summary>
    public bool Step()
    {
        if (_cursor >= UpdatesPerEpoch || (_training.MaxUpdates is { } max && _updates >= max))
        {
            return false;
        }

        _watch.Start();
        float lr = _training.LearningRate / (1f + (_training.Decay * _updates));
        double loss;
        int correct;
        int first = _cursor * _batch;
        int inW = _train.InputSize;
        int outW = _train.OutputSize;
        Span<float> t = _network.TargetBuffer;
        fixed (float* inputs = _train.Inputs)
        {
            // The first layer reads each example where the dataset holds it (no copy of 100 × 784 floats per update).
            float** rows = (float**)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_rowAddresses));
            for (int i = 0; i < _batch; i++)
            {
                int row = _permutation[first + i];
                rows[i] = inputs + ((long)row * inW);
                _train.Targets.AsSpan(row * outW, outW).CopyTo(t.Slice(i * outW, outW));
            }

            loss = _network.TrainStep(_batch, lr, _updates, rows, out correct);
        }

        _cursor++;
        _updates++;
        if (!double.IsFinite(loss))
        {
            throw Diverged($"the training loss is {loss}");
        }

        if (_training.WeightBound is { } bound)
        {
            CheckWeights(bound, afterStep: true);
        }

        _lossSum += loss;
        _correctSum += correct;
        _seenSum += _batch;
        _watch.Stop();
        return true;
    }

    /// <summary>
    /// Finishes the epoch (remaining batches are skipped): validation pass, weight norms, alignment angles, elapsed
    /// seconds; then starts the next epoch with a new shuffle.
    /// </summary>
    public EpochMetrics EndEpoch()
    {
        _watch.Start();
        CheckWeights(_training.WeightBound ?? double.PositiveInfinity, afterStep: false);
        double validationAccuracy = double.NaN;
        double validationLoss = double.NaN;
        if (_validation is not null)
        {
            (validationAccuracy, validationLoss) = Evaluate(_validation);
        }

        var norms = new List<LayerWeightNorm>();
        foreach (WeightMatrix m in _network.Parameters())
        {
            if (!m.IsBias)
            {
                norms.Add(new LayerWeightNorm(m.Layer, m.Channel, TensorPrimitives.Norm(m.Values.AsSpan(0, m.Rows * m.Cols))));
            }
        }

        IReadOnlyList<double> angles = AlignmentAngles.Compute(_model, _network);
        _watch.Stop();
        _epoch++;
        var metrics = new EpochMetrics(_epoch, _updates,
            _seenSum == 0 ? double.NaN : (double)_correctSum / _seenSum,
            _seenSum == 0 ? double.NaN : _lossSum / _seenSum,
            validationAccuracy, validationLoss, norms, angles, _watch.Elapsed.TotalSeconds);
        _watch.Reset();
        _cursor = 0;
        _lossSum = 0;
        _correctSum = 0;
        _seenSum = 0;
        _permutation = Permutation(_epoch);
        return metrics;
    }

    /// <summary>Accuracy and mean loss of the current weights on <paramref name="data"/>, without dropout.</summary>
    public (double Accuracy, double Loss) Evaluate(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        CheckData(_model, data, nameof(data));
        double loss = 0;
        long correct = 0;
        int inW = data.InputSize;
        int outW = data.OutputSize;
        for (int start = 0; start < data.Count; start += _batch)
        {
            int rows = Math.Min(_batch, data.Count - start);
            data.Inputs.AsSpan(start * inW, rows * inW).CopyTo(_network.InputBuffer);
            data.Targets.AsSpan(start * outW, rows * outW).CopyTo(_network.TargetBuffer);
            loss += _network.Evaluate(rows, out int c);
            correct += c;
        }

        return data.Count == 0 ? (double.NaN, double.NaN) : ((double)correct / data.Count, loss / data.Count);
    }

    /// <summary>Output probabilities (count × output units) for <paramref name="count"/> input rows, without dropout.</summary>
    public float[] PredictProbabilities(ReadOnlySpan<float> inputs, int count)
    {
        int inW = _network.Sizes[0];
        int outW = _network.Sizes[_network.Layers];
        if (count < 0 || inputs.Length != count * inW)
        {
            throw new ArgumentException($"{inputs.Length} input floats do not make {count} rows of {inW} features.", nameof(inputs));
        }

        var result = new float[count * outW];
        for (int start = 0; start < count; start += _batch)
        {
            int rows = Math.Min(_batch, count - start);
            ReadOnlySpan<float> chunk = inputs.Slice(start * inW, rows * inW);
            foreach (float v in chunk)
            {
                if (!float.IsFinite(v))
                {
                    throw new ArgumentException($"Input rows {start}..{start + rows} contain {v}.", nameof(inputs));
                }
            }

            chunk.CopyTo(_network.InputBuffer);
            _network.TargetBuffer[..(rows * outW)].Clear();
            _network.Evaluate(rows, out _);
            _network.Output[..(rows * outW)].CopyTo(result.AsSpan(start * outW));
        }

        return result;
    }

    /// <summary>SHA-256 (lower-case hex) of every weight and bias, forward channel first, in layer order, little-endian.</summary>
    public string WeightsSha256()
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (WeightMatrix m in _network.Parameters())
        {
            sha.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(m.Values.AsSpan(0, m.Rows * m.Cols)));
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>Stops the product engine's worker thread.</summary>
    public void Dispose() => _network.Dispose();

    /// <summary>Fisher–Yates shuffle of the training indices for epoch <paramref name="epoch"/> (0-based).</summary>
    private int[] Permutation(int epoch)
    {
        var order = new int[_train.Count];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var rng = new Xoshiro256(_training.Seed, 1_000_000UL + (ulong)epoch);
        for (int i = order.Length - 1; i > 0; i--)
        {
            int j = rng.NextInt(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        return order;
    }

    /// <summary>
    /// Stops the run when a weight is not finite or exceeds <paramref name="bound"/>. After a step only the adaptive
    /// matrices can have changed, and a two-lane step has noted their largest |w| while they were in cache; the check
    /// at the end of an epoch reads every matrix.
    /// </summary>
    private void CheckWeights(double bound, bool afterStep)
    {
        foreach (WeightMatrix m in _network.Parameters())
        {
            if (afterStep && !m.Adaptive)
            {
                continue;
            }

            float largest = afterStep ? m.MaxMagnitudeSinceUpdate() : m.MaxMagnitude();
            if (float.IsNaN(largest) || float.IsInfinity(largest) || largest > bound)
            {
                ReadOnlySpan<float> v = m.Values.AsSpan(0, m.Rows * m.Cols);
                int bad = TensorPrimitives.IndexOfMaxMagnitude(v);
                throw new TrainingDivergedException(_epoch + 1, m.Layer, m.Channel,
                    $"{(m.IsBias ? "bias" : "weight")} [{bad / m.Cols}, {bad % m.Cols}] = {v[bad]} after update {_updates} (bound {bound})");
            }
        }
    }

    private TrainingDivergedException Diverged(string detail)
    {
        foreach (WeightMatrix m in _network.Parameters())
        {
            if (float.IsFinite(m.MaxMagnitude()))
            {
                continue;
            }

            return new TrainingDivergedException(_epoch + 1, m.Layer, m.Channel, $"{detail}; its weights are no longer finite after update {_updates}");
        }

        return new TrainingDivergedException(_epoch + 1, _network.Layers, "forward", $"{detail} after update {_updates}");
    }

    private static void CheckData(ModelSpec model, Dataset data, string parameter)
    {
        if (data.InputSize != model.LayerSizes[0])
        {
            throw new ArgumentException($"Dataset '{data.Name}' has {data.InputSize} inputs per example but ModelSpec.LayerSizes[0] = {model.LayerSizes[0]}.", parameter);
        }

        if (data.OutputSize != model.LayerSizes[^1])
        {
            throw new ArgumentException($"Dataset '{data.Name}' has {data.OutputSize} target units (labels) per example but the output layer ModelSpec.LayerSizes[^1] = {model.LayerSizes[^1]}.", parameter);
        }
    }
}

using System.Security.Cryptography;
using NeuroLc.Host.Configuration;
using NeuroLc.Host.Training;

namespace NeuroLc.Host.Tests.Support;

/// <summary>
/// A small but real training engine for the host's own tests: logistic regression on points of [−1, 1]² labelled
/// x₀ + x₁ &gt; 0, minibatch SGD with a seeded per-epoch shuffle. It lets the run-directory, checkpoint and signal
/// tests run in milliseconds and independently of the rate adapters.
/// </summary>
internal sealed class LogisticEngine : ITrainingEngine
{
    public int Starts { get; private set; }

    public int Restores { get; private set; }

    /// <summary>Runs whose data is reported missing by <see cref="Prepare"/>.</summary>
    public HashSet<string> MissingData { get; } = [];

    public void Prepare(RunConfig run)
    {
        if (MissingData.Contains(run.Name))
        {
            throw new DataUnavailableException($"no data for {run.Name}: install it with `apt-get install dataset-fashion-mnist`");
        }
    }

    public ITrainingSession Start(RunConfig run)
    {
        Starts++;
        return new LogisticSession(run, null);
    }

    public ITrainingSession Restore(RunConfig run, Stream checkpoint)
    {
        Restores++;
        return new LogisticSession(run, checkpoint);
    }
}

/// <summary>The session of <see cref="LogisticEngine"/>: all state is the weights, the update count and the epoch's permutation.</summary>
internal sealed class LogisticSession : ITrainingSession
{
    private const int Magic = 0x4C4F4749;
    private readonly float[] _inputs;
    private readonly float[] _labels;
    private readonly int _count;
    private readonly float _learningRate;
    private readonly ulong _seed;
    private readonly float[] _weights = new float[3];
    private int[] _order;
    private int _cursor;
    private int _epoch;

    public LogisticSession(RunConfig run, Stream? checkpoint)
    {
        _count = run.Data.Limit ?? 400;
        BatchSize = run.Training.BatchSize;
        _learningRate = (float)run.Training.LearningRate;
        _seed = run.Training.Seed;
        var random = new Random((int)run.Data.Seed);
        _inputs = new float[_count * 2];
        _labels = new float[_count];
        for (int i = 0; i < _count; i++)
        {
            _inputs[2 * i] = (float)(random.NextDouble() * 2 - 1);
            _inputs[2 * i + 1] = (float)(random.NextDouble() * 2 - 1);
            _labels[i] = _inputs[2 * i] + _inputs[2 * i + 1] > 0 ? 1 : 0;
        }
        _order = Shuffle(0);
        if (checkpoint is not null)
        {
            using var reader = new BinaryReader(checkpoint, System.Text.Encoding.UTF8, leaveOpen: true);
            try
            {
                if (reader.ReadInt32() != Magic)
                {
                    throw new CheckpointUnreadableException("not a logistic-engine checkpoint");
                }
                for (int i = 0; i < _weights.Length; i++)
                {
                    _weights[i] = reader.ReadSingle();
                }
                Updates = reader.ReadInt64();
                _epoch = reader.ReadInt32();
                _cursor = reader.ReadInt32();
                _order = Shuffle(_epoch);
            }
            catch (EndOfStreamException ex)
            {
                throw new CheckpointUnreadableException("truncated logistic-engine checkpoint", ex);
            }
        }
    }

    public long Updates { get; private set; }

    public int UpdatesPerEpoch => _count / BatchSize;

    public int BatchSize { get; }

    public long SynapseCount => 3;

    public bool Step()
    {
        if (_cursor + BatchSize > _count)
        {
            return false;
        }
        Span<float> gradient = stackalloc float[3];
        for (int b = 0; b < BatchSize; b++)
        {
            int i = _order[_cursor + b];
            float error = _labels[i] - Predict(_inputs[2 * i], _inputs[2 * i + 1]);
            gradient[0] += error * _inputs[2 * i];
            gradient[1] += error * _inputs[2 * i + 1];
            gradient[2] += error;
        }
        for (int w = 0; w < 3; w++)
        {
            _weights[w] += _learningRate * gradient[w] / BatchSize;
        }
        _cursor += BatchSize;
        Updates++;
        return true;
    }

    public EpochReport EndEpoch()
    {
        int correct = 0;
        double loss = 0;
        for (int i = 0; i < _count; i++)
        {
            float p = Predict(_inputs[2 * i], _inputs[2 * i + 1]);
            correct += (p > 0.5f) == (_labels[i] > 0.5f) ? 1 : 0;
            loss -= _labels[i] > 0.5f ? Math.Log(p + 1e-7) : Math.Log(1 - p + 1e-7);
        }
        _epoch++;
        _cursor = 0;
        _order = Shuffle(_epoch);
        double accuracy = (double)correct / _count;
        double norm = Math.Sqrt(_weights[0] * _weights[0] + _weights[1] * _weights[1]);
        return new EpochReport(_epoch, Updates, accuracy, loss / _count, accuracy, loss / _count, [new WeightNorm(1, "forward", norm)], [], 0.001);
    }

    public void WriteCheckpoint(Stream stream)
    {
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        foreach (float w in _weights)
        {
            writer.Write(w);
        }
        writer.Write(Updates);
        writer.Write(_epoch);
        writer.Write(_cursor);
    }

    public string WeightsSha256()
    {
        byte[] bytes = new byte[_weights.Length * sizeof(float)];
        Buffer.BlockCopy(_weights, 0, bytes, 0, bytes.Length);
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    public float[] PredictProbabilities(ReadOnlySpan<float> inputs, int count)
    {
        var result = new float[count];
        for (int i = 0; i < count; i++)
        {
            result[i] = Predict(inputs[2 * i], inputs[2 * i + 1]);
        }
        return result;
    }

    public void Dispose()
    {
    }

    private float Predict(float x0, float x1) => 1f / (1f + MathF.Exp(-(_weights[0] * x0 + _weights[1] * x1 + _weights[2])));

    private int[] Shuffle(int epoch)
    {
        int[] order = Enumerable.Range(0, _count).ToArray();
        new Random(unchecked((int)_seed * 7919 + epoch)).Shuffle(order);
        return order;
    }
}

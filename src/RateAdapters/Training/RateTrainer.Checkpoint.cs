using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace NeuroLc.RateAdapters.Training;

/// <summary>Checkpoints of <see cref="RateTrainer"/>: every piece of state, so that a resumed run is bit-identical.</summary>
public sealed partial class RateTrainer
{
    private const string Magic = "NLCRATE1";
    private const int FormatVersion = 1;

    /// <summary>
    /// Writes the specifications, epoch, data cursor, update count, running epoch sums, every matrix of both channels
    /// and every momentum velocity, followed by a SHA-256 of all of it. (The shuffle and dropout masks are functions of
    /// the seed, epoch and update count, so those counters are the whole random state.)
    /// </summary>
    public void WriteCheckpoint(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var body = new MemoryStream();
        using (var w = new BinaryWriter(body, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Encoding.ASCII.GetBytes(Magic));
            w.Write(FormatVersion);
            w.Write(JsonSerializer.Serialize(_model));
            w.Write(JsonSerializer.Serialize(_training));
            w.Write(_train.Count);
            w.Write(_train.InputSize);
            w.Write(_train.OutputSize);
            w.Write(_epoch);
            w.Write(_cursor);
            w.Write(_updates);
            w.Write(_lossSum);
            w.Write(_correctSum);
            w.Write(_seenSum);
            var parameters = _network.Parameters().ToList();
            w.Write(parameters.Count);
            foreach (WeightMatrix m in parameters)
            {
                w.Write(m.Layer);
                w.Write(m.Channel);
                w.Write(m.Rows);
                w.Write(m.Cols);
                WriteFloats(w, m.Values, m.Rows * m.Cols);
                w.Write(m.HasVelocity);
                if (m.Velocity is { } v)
                {
                    WriteFloats(w, v, m.Rows * m.Cols);
                }
            }
        }

        byte[] bytes = body.ToArray();
        stream.Write(bytes);
        stream.Write(SHA256.HashData(bytes));
    }

    /// <summary>
    /// Restores a trainer written by <see cref="WriteCheckpoint"/> onto the same training data. Throws
    /// <see cref="CheckpointFormatException"/> for a truncated or corrupt stream, another format, or data whose shape
    /// differs from the checkpoint's.
    /// </summary>
    public static RateTrainer ReadCheckpoint(Stream stream, Dataset train, Dataset? validation)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(train);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        byte[] all = copy.ToArray();
        if (all.Length < Magic.Length + 32 || Encoding.ASCII.GetString(all, 0, Magic.Length) != Magic)
        {
            throw new CheckpointFormatException($"Not a NeuroLc rate checkpoint ({all.Length} bytes, magic '{Magic}' expected).");
        }

        ReadOnlySpan<byte> body = all.AsSpan(0, all.Length - 32);
        if (!SHA256.HashData(body).AsSpan().SequenceEqual(all.AsSpan(all.Length - 32)))
        {
            throw new CheckpointFormatException("The checkpoint is truncated or corrupt: its SHA-256 does not match.");
        }

        try
        {
            using var r = new BinaryReader(new MemoryStream(all, 0, body.Length), Encoding.UTF8);
            r.ReadBytes(Magic.Length);
            int version = r.ReadInt32();
            if (version != FormatVersion)
            {
                throw new CheckpointFormatException($"Checkpoint format version {version} is not supported (expected {FormatVersion}).");
            }

            ModelSpec model = JsonSerializer.Deserialize<ModelSpec>(r.ReadString()) ?? throw new CheckpointFormatException("The checkpoint has no model specification.");
            TrainingSpec training = JsonSerializer.Deserialize<TrainingSpec>(r.ReadString()) ?? throw new CheckpointFormatException("The checkpoint has no training specification.");
            int count = r.ReadInt32();
            int inputs = r.ReadInt32();
            int outputs = r.ReadInt32();
            if (count != train.Count || inputs != train.InputSize || outputs != train.OutputSize)
            {
                throw new CheckpointFormatException($"The checkpoint was written for {count} examples of {inputs}→{outputs}; dataset '{train.Name}' has {train.Count} of {train.InputSize}→{train.OutputSize}.");
            }

            var trainer = new RateTrainer(model, training, train, validation);
            try
            {
                trainer.Restore(r);
            }
            catch
            {
                trainer.Dispose();
                throw;
            }

            return trainer;
        }
        catch (Exception ex) when (ex is EndOfStreamException or JsonException or ArgumentException or IOException or FormatException)
        {
            throw new CheckpointFormatException($"The checkpoint cannot be read: {ex.Message}", ex);
        }
    }

    private void Restore(BinaryReader r)
    {
        _epoch = r.ReadInt32();
        _cursor = r.ReadInt32();
        _updates = r.ReadInt64();
        _lossSum = r.ReadDouble();
        _correctSum = r.ReadInt64();
        _seenSum = r.ReadInt64();
        if (_epoch < 0 || _cursor < 0 || _cursor > UpdatesPerEpoch || _updates < 0)
        {
            throw new CheckpointFormatException($"Checkpoint counters are inconsistent: epoch {_epoch}, batch {_cursor}, updates {_updates}.");
        }

        var parameters = _network.Parameters().ToList();
        int stored = r.ReadInt32();
        if (stored != parameters.Count)
        {
            throw new CheckpointFormatException($"The checkpoint holds {stored} matrices; the network has {parameters.Count}.");
        }

        foreach (WeightMatrix m in parameters)
        {
            int layer = r.ReadInt32();
            string channel = r.ReadString();
            int rows = r.ReadInt32();
            int cols = r.ReadInt32();
            if (layer != m.Layer || channel != m.Channel || rows != m.Rows || cols != m.Cols)
            {
                throw new CheckpointFormatException($"Checkpoint matrix layer {layer} {channel} {rows}×{cols} does not match the network's layer {m.Layer} {m.Channel} {m.Rows}×{m.Cols}.");
            }

            ReadFloats(r, m.Values, rows * cols);
            m.PanelsCurrent = false;
            bool hasVelocity = r.ReadBoolean();
            if (hasVelocity != m.HasVelocity)
            {
                throw new CheckpointFormatException($"Checkpoint momentum state of layer {layer} {channel} does not match the training settings.");
            }

            if (m.Velocity is { } v)
            {
                ReadFloats(r, v, rows * cols);
            }
        }

        _permutation = Permutation(_epoch);
    }

    private static void WriteFloats(BinaryWriter w, float[] values, int count) =>
        w.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan(0, count)));

    private static void ReadFloats(BinaryReader r, float[] values, int count)
    {
        Span<byte> dst = System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan(0, count));
        if (r.Read(dst) != dst.Length)
        {
            throw new EndOfStreamException("The checkpoint ends inside a weight matrix.");
        }
    }
}

namespace NeuroLc.RateAdapters.Training;

/// <summary>
/// Examples in memory: <see cref="Inputs"/> is Count×InputSize row-major, <see cref="Targets"/> Count×OutputSize
/// (one-hot for classes, 0/1 for a binary output), <see cref="Labels"/> the class indices when known.
/// The constructor rejects wrong lengths and non-finite values, naming the dataset, array and index.
/// </summary>
public sealed class Dataset
{
    /// <summary>Wraps the arrays (not copied) after checking shapes and values.</summary>
    public Dataset(string name, int count, int inputSize, int outputSize, float[] inputs, float[] targets, byte[]? labels = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(targets);
        if (count < 0 || inputSize <= 0 || outputSize <= 0)
        {
            throw new ArgumentException($"Dataset '{name}': count {count}, input size {inputSize} and output size {outputSize} must be positive.", nameof(count));
        }

        if (inputs.LongLength != (long)count * inputSize)
        {
            throw new ArgumentException($"Dataset '{name}': Inputs holds {inputs.Length} floats, expected {count}×{inputSize}.", nameof(inputs));
        }

        if (targets.LongLength != (long)count * outputSize)
        {
            throw new ArgumentException($"Dataset '{name}': Targets holds {targets.Length} floats, expected {count}×{outputSize}.", nameof(targets));
        }

        if (labels is not null && labels.Length != count)
        {
            throw new ArgumentException($"Dataset '{name}': {labels.Length} labels for {count} examples.", nameof(labels));
        }

        CheckFinite(name, nameof(Inputs), inputs, inputSize);
        CheckFinite(name, nameof(Targets), targets, outputSize);
        Name = name;
        Count = count;
        InputSize = inputSize;
        OutputSize = outputSize;
        Inputs = inputs;
        Targets = targets;
        Labels = labels;
    }

    /// <summary>Name used in error messages and metrics.</summary>
    public string Name { get; }

    /// <summary>Number of examples.</summary>
    public int Count { get; }

    /// <summary>Features per example.</summary>
    public int InputSize { get; }

    /// <summary>Target units per example.</summary>
    public int OutputSize { get; }

    /// <summary>Count×InputSize, row-major.</summary>
    public float[] Inputs { get; }

    /// <summary>Count×OutputSize, row-major.</summary>
    public float[] Targets { get; }

    /// <summary>Class index per example, if known.</summary>
    public byte[]? Labels { get; }

    /// <summary>
    /// Builds a classification set from labels: one-hot targets over <paramref name="classes"/> units, or a single
    /// 0/1 target when <paramref name="classes"/> is 2 and <paramref name="binarySingleOutput"/> is set.
    /// </summary>
    public static Dataset FromLabels(string name, float[] inputs, int inputSize, byte[] labels, int classes, bool binarySingleOutput = false)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (classes < 2)
        {
            throw new ArgumentException($"Dataset '{name}': {classes} classes; at least 2 are needed.", nameof(classes));
        }

        if (binarySingleOutput && classes != 2)
        {
            throw new ArgumentException($"Dataset '{name}': a single binary output needs exactly 2 classes, not {classes}.", nameof(binarySingleOutput));
        }

        int outputs = binarySingleOutput ? 1 : classes;
        var targets = new float[(long)labels.Length * outputs];
        for (int i = 0; i < labels.Length; i++)
        {
            if (labels[i] >= classes)
            {
                throw new ArgumentException($"Dataset '{name}': label {labels[i]} of example {i} is not below the {classes} classes.", nameof(labels));
            }

            if (binarySingleOutput)
            {
                targets[i] = labels[i];
            }
            else
            {
                targets[((long)i * outputs) + labels[i]] = 1f;
            }
        }

        return new Dataset(name, labels.Length, inputSize, outputs, inputs, targets, labels);
    }

    /// <summary>A copy of examples [start, start + count).</summary>
    public Dataset Slice(int start, int count, string? name = null)
    {
        if (start < 0 || count < 0 || start + count > Count)
        {
            throw new ArgumentOutOfRangeException(nameof(start), $"Slice [{start}, {start + count}) is outside dataset '{Name}' of {Count} examples.");
        }

        return Select(Enumerable.Range(start, count).ToArray(), name ?? $"{Name}[{start}..{start + count})");
    }

    /// <summary>A copy of the examples at <paramref name="indices"/>, in that order.</summary>
    public Dataset Select(IReadOnlyList<int> indices, string name)
    {
        float[] inputs = DatasetArrays.Floats((long)indices.Count * InputSize);
        var targets = new float[(long)indices.Count * OutputSize];
        byte[]? labels = Labels is null ? null : new byte[indices.Count];
        for (int i = 0; i < indices.Count; i++)
        {
            int src = indices[i];
            if ((uint)src >= (uint)Count)
            {
                throw new ArgumentOutOfRangeException(nameof(indices), $"Index {src} is outside dataset '{Name}' of {Count} examples.");
            }

            Array.Copy(Inputs, (long)src * InputSize, inputs, (long)i * InputSize, InputSize);
            Array.Copy(Targets, (long)src * OutputSize, targets, (long)i * OutputSize, OutputSize);
            if (labels is not null)
            {
                labels[i] = Labels![src];
            }
        }

        return new Dataset(name, indices.Count, InputSize, OutputSize, inputs, targets, labels);
    }

    private static void CheckFinite(string name, string field, float[] values, int width)
    {
        for (long i = 0; i < values.LongLength; i++)
        {
            if (!float.IsFinite(values[i]))
            {
                throw new ArgumentException($"Dataset '{name}': {field} of example {i / width}, column {i % width} is {values[i]}.", field.ToLowerInvariant());
            }
        }
    }
}

using System.Globalization;
using NeuroLc.Simulator.Locality;

namespace NeuroLc.Simulator.Probes;

/// <summary>
/// Records one cell variable (after every step) or one synapse weight (after every weight update) over time into
/// preallocated memory, so recording allocates nothing in the step loop. Recording stops at
/// <see cref="Capacity"/> and sets <see cref="Overflowed"/>. <see cref="WriteCsv(TextWriter, bool)"/> exports the record.
/// </summary>
public sealed class Probe
{
    private readonly long[] _steps;
    private readonly float[] _values;

    private Probe(string target, int index, CellVariable? variable, int capacity)
    {
        if (capacity < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "probe capacity must be ≥ 1");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        Target = target;
        Index = index;
        Variable = variable;
        _steps = new long[capacity];
        _values = new float[capacity];
        Name = variable is null ? $"{target}[{index}].w" : $"{target}[{index}].{variable}";
    }

    /// <summary>Probe name, e.g. "h[2].Output" or "in->h[5].w".</summary>
    public string Name { get; }

    /// <summary>Population (cell probe) or projection (weight probe).</summary>
    public string Target { get; }

    /// <summary>Cell or synapse index.</summary>
    public int Index { get; }

    /// <summary>The cell variable, or null for a weight probe.</summary>
    public CellVariable? Variable { get; }

    /// <summary>Whether this probes a synapse weight.</summary>
    public bool IsWeight => Variable is null;

    /// <summary>Maximum number of samples.</summary>
    public int Capacity => _values.Length;

    /// <summary>Samples recorded.</summary>
    public int Count { get; private set; }

    /// <summary>Whether samples were dropped because the probe was full.</summary>
    public bool Overflowed { get; private set; }

    /// <summary>Step of each sample.</summary>
    public ReadOnlySpan<long> Steps => _steps.AsSpan(0, Count);

    /// <summary>Value of each sample.</summary>
    public ReadOnlySpan<float> Values => _values.AsSpan(0, Count);

    /// <summary>A probe of <paramref name="variable"/> of cell <paramref name="index"/> of a population.</summary>
    public static Probe Cell(string population, int index, CellVariable variable, int capacity = 100_000)
        => new(population, index, variable, capacity);

    /// <summary>A probe of the weight of synapse <paramref name="index"/> of a projection.</summary>
    public static Probe Weight(string projection, int index, int capacity = 100_000)
        => new(projection, index, null, capacity);

    /// <summary>Writes "probe,step,value" rows (with a header when <paramref name="header"/>).</summary>
    public void WriteCsv(TextWriter writer, bool header = true)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (header)
        {
            writer.WriteLine("probe,step,value");
        }

        for (int i = 0; i < Count; i++)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Name},{_steps[i]},{_values[i]:R}"));
        }
    }

    /// <summary>Writes several probes into one CSV file.</summary>
    public static void WriteCsv(string path, IEnumerable<Probe> probes)
    {
        using var writer = new StreamWriter(path);
        writer.WriteLine("probe,step,value");
        foreach (Probe probe in probes)
        {
            probe.WriteCsv(writer, header: false);
        }
    }

    internal void Add(long step, float value)
    {
        if (Count == _values.Length)
        {
            Overflowed = true;
            return;
        }

        _steps[Count] = step;
        _values[Count] = value;
        Count++;
    }
}

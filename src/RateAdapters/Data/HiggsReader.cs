using System.Globalization;
using System.IO.Compression;
using NeuroLc.RateAdapters.Training;

namespace NeuroLc.RateAdapters.Data;

/// <summary>Which HIGGS feature columns to keep.</summary>
public enum HiggsFeatures
{
    /// <summary>The 21 low-level kinematic features (columns 1–21), the paper's choice (Figures 13–14).</summary>
    LowLevel,

    /// <summary>The 7 high-level derived features (columns 22–28).</summary>
    HighLevel,

    /// <summary>All 28 features.</summary>
    All,
}

/// <summary>
/// Streaming reader of the UCI HIGGS CSV (optionally .gz): each line is the label (1 signal, 0 background), 21 low-level
/// and 7 high-level features. A malformed line is a <see cref="DataFormatException"/> naming the file and line.
/// </summary>
public static class HiggsReader
{
    private const int Columns = 29;

    /// <summary>Reads at most <paramref name="rowLimit"/> rows into a dataset with one logistic target.</summary>
    public static Dataset Read(string path, int? rowLimit = null, HiggsFeatures features = HiggsFeatures.LowLevel)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"HIGGS file not found: {path}", path);
        }

        (int first, int width) = features switch
        {
            HiggsFeatures.LowLevel => (1, 21),
            HiggsFeatures.HighLevel => (22, 7),
            _ => (1, 28),
        };
        var inputs = new List<float>();
        var labels = new List<byte>();
        using Stream file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(stream);
        var row = new float[Columns];
        long line = 0;
        try
        {
            while ((rowLimit is null || labels.Count < rowLimit) && reader.ReadLine() is { } text)
            {
                line++;
                if (text.Length == 0)
                {
                    continue;
                }

                ParseLine(text, row, path, line);
                if (row[0] is not (0f or 1f))
                {
                    throw new DataFormatException(path, $"line {line}: label {row[0]} is not 0 or 1");
                }

                labels.Add((byte)row[0]);
                for (int j = 0; j < width; j++)
                {
                    inputs.Add(row[first + j]);
                }
            }
        }
        catch (InvalidDataException ex)
        {
            throw new DataFormatException(path, $"corrupt gzip data after line {line}: {ex.Message}");
        }

        if (labels.Count == 0 && rowLimit != 0)
        {
            throw new DataFormatException(path, $"no data rows in {line} lines");
        }

        float[] values = DatasetArrays.Floats(inputs.Count);
        inputs.CopyTo(values);
        return Dataset.FromLabels(Path.GetFileName(path), values, width, labels.ToArray(), 2, binarySingleOutput: true);
    }

    private static void ParseLine(string text, float[] row, string path, long line)
    {
        ReadOnlySpan<char> rest = text.AsSpan().Trim();
        for (int c = 0; c < Columns; c++)
        {
            int comma = rest.IndexOf(',');
            ReadOnlySpan<char> field = comma < 0 ? rest : rest[..comma];
            if (comma < 0 && c < Columns - 1)
            {
                throw new DataFormatException(path, $"line {line}: {c + 1} columns, {Columns} expected");
            }

            if (!float.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out float value) || !float.IsFinite(value))
            {
                throw new DataFormatException(path, $"line {line}, column {c + 1}: '{field.ToString()}' is not a finite number");
            }

            row[c] = value;
            rest = comma < 0 ? [] : rest[(comma + 1)..];
        }

        if (!rest.IsEmpty)
        {
            throw new DataFormatException(path, $"line {line}: more than {Columns} columns");
        }
    }
}

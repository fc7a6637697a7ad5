using System.Globalization;
using System.Text;
using System.Text.Json;

namespace NeuroLc.Host.Runs;

/// <summary>
/// <c>metrics.jsonl</c> (appended and flushed once per epoch) and <c>metrics.csv</c> (rewritten atomically from it).
/// A line torn by a kill is dropped on the next load; rows newer than the checkpoint a run resumes from are removed.
/// </summary>
public sealed class MetricsLog(string jsonlPath, string csvPath)
{
    public static JsonSerializerOptions JsonOptions { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        WriteIndented = false,
    };

    /// <summary>All complete rows, in file order.</summary>
    public IReadOnlyList<MetricsRow> Load()
    {
        if (!File.Exists(jsonlPath))
        {
            return [];
        }
        var rows = new List<MetricsRow>();
        foreach (string line in File.ReadAllLines(jsonlPath))
        {
            if (line.Length == 0)
            {
                continue;
            }
            try
            {
                rows.Add(JsonSerializer.Deserialize<MetricsRow>(line, JsonOptions)!);
            }
            catch (JsonException)
            {
                // A kill during an append leaves a torn last line; the epoch it described is re-run from the checkpoint.
            }
        }
        return rows;
    }

    /// <summary>Appends one epoch and refreshes the CSV.</summary>
    public void Append(MetricsRow row)
    {
        using (var stream = new FileStream(jsonlPath, FileMode.Append, FileAccess.Write, FileShare.Read))
        {
            byte[] line = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(row, JsonOptions) + "\n");
            stream.Write(line);
            stream.Flush(flushToDisk: true);
        }
        WriteCsv(Load());
    }

    /// <summary>Keeps only the rows <paramref name="keep"/> accepts (rewriting both files atomically).</summary>
    public void Retain(Func<MetricsRow, bool> keep)
    {
        MetricsRow[] rows = Load().Where(keep).ToArray();
        AtomicFile.WriteAllText(jsonlPath, string.Concat(rows.Select(r => JsonSerializer.Serialize(r, JsonOptions) + "\n")));
        WriteCsv(rows);
    }

    private void WriteCsv(IReadOnlyList<MetricsRow> rows)
    {
        string[] normKeys = rows.SelectMany(r => r.WeightNorms.Keys).Distinct().Order(StringComparer.Ordinal).ToArray();
        int angles = rows.Count == 0 ? 0 : rows.Max(r => r.AlignmentDegrees.Length);
        var csv = new StringBuilder("run,epoch,updates,train_accuracy,train_loss,validation_accuracy,validation_loss,seconds");
        foreach (string key in normKeys)
        {
            csv.Append(",norm_").Append(key.Replace('/', '_'));
        }
        for (int i = 0; i < angles; i++)
        {
            csv.Append(",alignment_deg_").Append(i + 1);
        }
        csv.Append('\n');
        foreach (MetricsRow row in rows)
        {
            csv.Append(row.Run).Append(',').Append(row.Epoch).Append(',').Append(row.Updates);
            foreach (double value in new[] { row.TrainAccuracy, row.TrainLoss, row.ValidationAccuracy, row.ValidationLoss, row.Seconds })
            {
                csv.Append(',').Append(value.ToString("R", CultureInfo.InvariantCulture));
            }
            foreach (string key in normKeys)
            {
                csv.Append(',');
                if (row.WeightNorms.TryGetValue(key, out double norm))
                {
                    csv.Append(norm.ToString("R", CultureInfo.InvariantCulture));
                }
            }
            for (int i = 0; i < angles; i++)
            {
                csv.Append(',');
                if (i < row.AlignmentDegrees.Length)
                {
                    csv.Append(row.AlignmentDegrees[i].ToString("R", CultureInfo.InvariantCulture));
                }
            }
            csv.Append('\n');
        }
        AtomicFile.WriteAllText(csvPath, csv.ToString());
    }
}

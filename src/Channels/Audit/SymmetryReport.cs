using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace NeuroLc.Channels.Audit;

/// <summary>The symmetry audit of one network: a <see cref="SymmetryFinding"/> for each of ARC, WTS, NEU, DER,
/// LIN and ADA, in that order.</summary>
public sealed class SymmetryReport
{
    internal SymmetryReport(IReadOnlyList<SymmetryFinding> findings)
    {
        Findings = findings;
    }

    /// <summary>The six findings, in the order of <see cref="Symmetry"/>.</summary>
    public IReadOnlyList<SymmetryFinding> Findings { get; }

    /// <summary>The finding for <paramref name="symmetry"/>.</summary>
    public SymmetryFinding this[Symmetry symmetry] => Findings.Single(f => f.Symmetry == symmetry);

    /// <summary>An object with keys ARC, WTS, NEU, DER, LIN, ADA, each
    /// <c>{ "verdict": "needed"|"not-needed"|"achieved"|"not-achieved", "evidence": [strings] }</c>.</summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            foreach (SymmetryFinding f in Findings)
            {
                w.WriteStartObject(f.Symmetry.ToString());
                w.WriteString("verdict", f.Verdict.ToWireName());
                w.WriteStartArray("evidence");
                foreach (string e in f.Evidence)
                {
                    w.WriteStringValue(e);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>A readable table: one row per symmetry with its verdict, its evidence indented below.</summary>
    public string ToTable()
    {
        var sb = new StringBuilder();
        sb.AppendLine("symmetry  verdict       evidence");
        sb.AppendLine("--------  ------------  --------");
        foreach (SymmetryFinding f in Findings)
        {
            string head = $"{f.Symmetry,-8}  {f.Verdict.ToWireName(),-12}  ";
            for (int i = 0; i < f.Evidence.Count; i++)
            {
                sb.Append(i == 0 ? head : new string(' ', head.Length)).AppendLine(f.Evidence[i]);
            }

            if (f.Evidence.Count == 0)
            {
                sb.AppendLine(head.TrimEnd());
            }
        }

        return sb.ToString();
    }
}

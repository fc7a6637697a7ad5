using System.Globalization;
using System.IO.Compression;
using System.Text;
using CsCheck;
using NeuroLc.RateAdapters.Data;
using NeuroLc.RateAdapters.Training;

namespace NeuroLc.RateAdapters.Tests.Properties;

/// <summary>
/// DESIGN.md section 9: the HIGGS CSV reader, fed rows with damaged fields, missing or extra commas, stray characters,
/// truncation (and damaged gzip bytes), either reads them or throws <see cref="DataFormatException"/> naming the file
/// and line.
/// </summary>
public sealed class HiggsReaderPropertyTests : IDisposable
{
    private const int Cases = 300;
    private const int Lines = 4;
    private const int Columns = 29;

    private static readonly string[] s_junkFields = ["", " ", "nan", "NaN", "inf", "-Infinity", "1e999", "abc", "-0", "2", "0.5", "0x1", "1e", "--1", "1,5", "\"1\"", "\u0663", "3.4e38", "1e-50"];
    private static readonly char[] s_strayChars = [',', '.', '-', '+', 'e', '0', '1', ' ', '\t', '"', 'x', '\r', '\n', '\0'];

    private readonly string _dir = Directory.CreateTempSubdirectory("neurolc-higgs-property-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>One edit of the CSV text; line, column and position are reduced modulo what exists.</summary>
    private abstract record Edit
    {
        public abstract string Apply(string[] lines);
    }

    private sealed record ReplaceField(int Line, int Column, string Value) : Edit
    {
        public override string Apply(string[] lines)
        {
            string[] fields = lines[Line % lines.Length].Split(',');
            fields[Column % fields.Length] = Value;
            return string.Join(",", fields);
        }
    }

    private sealed record DeleteChar(int Line, int At) : Edit
    {
        public override string Apply(string[] lines)
        {
            string line = lines[Line % lines.Length];
            return line.Length == 0 ? line : line.Remove(At % line.Length, 1);
        }
    }

    private sealed record InsertChar(int Line, int At, char Value) : Edit
    {
        public override string Apply(string[] lines)
        {
            string line = lines[Line % lines.Length];
            return line.Insert(At % (line.Length + 1), Value.ToString());
        }
    }

    private sealed record Case(Edit[] Edits, uint? TruncateAt, bool Gzip, ByteMutation[]? CompressedDamage)
    {
        public override string ToString() =>
            $"{string.Join("; ", Edits.Select(e => e.ToString().Replace("\0", "\\0")))} truncate {TruncateAt} gzip {Gzip} {string.Join("; ", CompressedDamage?.Select(m => m.ToString()) ?? [])}";
    }

    private static readonly Gen<Edit> s_edit = Gen.OneOf<Edit>(
        Gen.Select(Gen.Int[0, Lines - 1], Gen.Int[0, Columns], Gen.OneOf(s_junkFields), (l, c, v) => (Edit)new ReplaceField(l, c, v)),
        Gen.Select(Gen.Int[0, Lines - 1], Gen.Int[0, 1000], (l, at) => (Edit)new DeleteChar(l, at)),
        Gen.Select(Gen.Int[0, Lines - 1], Gen.Int[0, 1000], Gen.OneOf(s_strayChars), (l, at, ch) => (Edit)new InsertChar(l, at, ch)));

    private static readonly Gen<Case> s_case = Gen.Select(
        s_edit.Array[0, 3],
        Gen.Select(Gen.Int[0, 3], Gen.UInt, (k, at) => k == 0 ? at : (uint?)null),
        Gen.Bool,
        Gen.Select(Gen.Int[0, 3], ByteMutation.Several, (k, m) => k == 0 ? m : null),
        (edits, truncate, gzip, damage) => new Case(edits, truncate, gzip, gzip ? damage : null));

    [Fact]
    public void Mutated_higgs_rows_read_or_throw_a_DataFormatException_naming_file_and_line()
    {
        s_case.Array[Cases].Sample(cases =>
        {
            foreach (Case c in cases)
            {
                string path = Write(c);
                try
                {
                    Dataset data = HiggsReader.Read(path);
                    Assert.InRange(data.Count, 1, Lines);
                }
                catch (DataFormatException ex)
                {
                    Assert.Equal(path, ex.Path);
                    Assert.Contains(path, ex.Message);
                    Assert.Contains("line", ex.Message);
                }
                catch (Exception ex)
                {
                    Assert.Fail($"{c}: {ex}");
                }
            }
        }, seed: PropertySettings.Seed, iter: 1, threads: 1);
    }

    [Fact]
    public void Unmutated_rows_read_so_the_property_starts_from_valid_input()
    {
        string path = Write(new Case([], null, true, null));
        Dataset data = HiggsReader.Read(path);
        Assert.Equal(Lines, data.Count);
        Assert.Equal(21, data.InputSize);
    }

    [Fact]
    public void Case_the_property_found_a_file_without_rows_is_a_format_error()
    {
        // Truncated to nothing (or only blank lines): an empty dataset escaped before the fix.
        string path = Path.Combine(_dir, "empty.csv");
        File.WriteAllText(path, "\n\n");
        var ex = Assert.Throws<DataFormatException>(() => HiggsReader.Read(path));
        Assert.Equal($"{path}: no data rows in 2 lines", ex.Message);
    }

    private static string[] ValidLines() =>
        Enumerable.Range(0, Lines)
            .Select(r => string.Join(",", new[] { (r % 2).ToString(CultureInfo.InvariantCulture) }.Concat(Enumerable.Range(1, Columns - 1).Select(c => $"{r}.{c:D2}e-1"))))
            .ToArray();

    private string Write(Case c)
    {
        string[] lines = ValidLines();
        foreach (Edit edit in c.Edits)
        {
            int target = edit switch
            {
                ReplaceField f => f.Line,
                DeleteChar d => d.Line,
                InsertChar i => i.Line,
                _ => 0,
            } % lines.Length;
            lines[target] = edit.Apply(lines);
        }

        string text = string.Join("\n", lines) + "\n";
        if (c.TruncateAt is { } at)
        {
            text = text[..(int)(at % text.Length)];
        }

        byte[] bytes = Encoding.UTF8.GetBytes(text);
        string path = Path.Combine(_dir, c.Gzip ? "HIGGS.csv.gz" : "HIGGS.csv");
        if (c.Gzip)
        {
            using var buffer = new MemoryStream();
            using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
            {
                gzip.Write(bytes);
            }

            bytes = c.CompressedDamage is { } damage ? ByteMutation.ApplyAll(buffer.ToArray(), damage) : buffer.ToArray();
        }

        File.WriteAllBytes(path, bytes);
        return path;
    }
}

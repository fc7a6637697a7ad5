using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using NeuroLc.Host.Configuration;
using NeuroLc.Host.Tests.Support;

namespace NeuroLc.Host.Tests.Properties;

/// <summary>
/// DESIGN.md section 9: the experiment loader, fed random edits of a valid experiment (experiments/fig12.json) —
/// tokens replaced, characters deleted or inserted, truncation, invalid UTF-8 — either loads it or throws
/// <see cref="ConfigException"/> with a JSON path (and the line when the value is in the file).
/// </summary>
public sealed partial class ConfigPropertyTests
{
    /// <summary>CsCheck seeds only the first iteration, so all cases are one array drawn from this seed (one iteration).</summary>
    private const string Seed = "1xn1HwIbwfUS";
    private const int Cases = 600;
    private const string Source = "fig12.json";

    /// <summary>Replacement tokens: wrong types, out-of-range and edge numbers, broken structure.</summary>
    private static readonly string[] s_tokens =
    [
        "0", "-1", "1", "0.5", "-0.0", "1e400", "-1e400", "1e-400", "99999999999999999999", "2147483648", "4.5", "NaN",
        "null", "true", "false", "\"\"", "\"x\"", "\"Relu\"", "\"Sigmoid\"", "\"../etc\"", "[]", "{}", "[1]", "[2, 0, 1]",
        "{\"a\": 1}", "\"layerSizes\"", "\"runs\"", "\"name\"", "\"quick\"", ",", ":", "{", "}", "[", "]", "/*", "//", "\"\\u0000\"",
    ];

    private static readonly char[] s_chars = ['{', '}', '[', ']', ',', ':', '"', '\\', '0', '9', '-', '.', 'e', ' ', '\n', 'x', '\u00e9'];

    private abstract record Edit
    {
        public abstract string Apply(string text);
    }

    /// <summary>Replaces the n-th JSON token (string, number, literal or punctuation).</summary>
    private sealed record ReplaceToken(int Index, string Token) : Edit
    {
        public override string Apply(string text)
        {
            MatchCollection tokens = TokenPattern().Matches(text);
            if (tokens.Count == 0)
            {
                return text;
            }

            Match m = tokens[Index % tokens.Count];
            return string.Concat(text.AsSpan(0, m.Index), Token, text.AsSpan(m.Index + m.Length));
        }
    }

    private sealed record DeleteChars(uint At, int Count) : Edit
    {
        public override string Apply(string text)
        {
            if (text.Length == 0)
            {
                return text;
            }

            int at = (int)(At % text.Length);
            return text.Remove(at, Math.Min(Count, text.Length - at));
        }
    }

    private sealed record InsertChar(uint At, char Value) : Edit
    {
        public override string Apply(string text) => text.Insert((int)(At % (text.Length + 1)), Value.ToString());
    }

    private sealed record Truncate(uint At) : Edit
    {
        public override string Apply(string text) => text.Length == 0 ? text : text[..(int)(At % text.Length)];
    }

    private sealed record Case(Edit[] Edits, uint? BadByteAt, bool Quick)
    {
        public override string ToString() => $"{string.Join("; ", Edits.Select(e => e.ToString()))}; bad byte at {BadByteAt}; quick {Quick}";
    }

    private static readonly Gen<Edit> s_edit = Gen.Frequency(
        (4, Gen.Select(Gen.Int[0, 100_000], Gen.OneOf(s_tokens), (i, t) => (Edit)new ReplaceToken(i, t))),
        (2, Gen.Select(Gen.UInt, Gen.Int[1, 4], (at, n) => (Edit)new DeleteChars(at, n))),
        (2, Gen.Select(Gen.UInt, Gen.OneOf(s_chars), (at, c) => (Edit)new InsertChar(at, c))),
        (1, Gen.UInt.Select(at => (Edit)new Truncate(at))));

    private static readonly Gen<Case> s_case = Gen.Select(
        s_edit.Array[1, 3],
        Gen.Select(Gen.Int[0, 9], Gen.UInt, (k, at) => k == 0 ? at : (uint?)null),
        Gen.Bool,
        (edits, badByte, quick) => new Case(edits, badByte, quick));

    [GeneratedRegex("""("(?:[^"\\]|\\.)*"|-?\d[\d.eE+-]*|true|false|null|[{}\[\],:])""")]
    private static partial Regex TokenPattern();

    [Fact]
    public void Mutated_experiment_files_load_or_throw_a_ConfigException_with_path_and_line()
    {
        string valid = File.ReadAllText(Experiments.RepositoryFolder("experiments/fig12.json"));
        int loaded = 0;
        s_case.Array[Cases].Sample(cases =>
        {
            foreach (Case c in cases)
            {
                byte[] utf8 = Encoding.UTF8.GetBytes(c.Edits.Aggregate(valid, (text, edit) => edit.Apply(text)));
                if (c.BadByteAt is { } at && utf8.Length > 0)
                {
                    // 0xFF never occurs in UTF-8.
                    utf8[at % utf8.Length] = 0xFF;
                }

                try
                {
                    ExperimentLoader.Parse(utf8, Source, new LoadOptions { Quick = c.Quick });
                    loaded++;
                }
                catch (ConfigException ex)
                {
                    Assert.StartsWith("$", ex.JsonPath);
                    Assert.Contains(ex.JsonPath, ex.Message);
                    Assert.False(string.IsNullOrWhiteSpace(ex.Reason));
                    if (ex.Line is { } line)
                    {
                        Assert.StartsWith($"{Source}:{line}:{ex.Column} ", ex.Message);
                    }
                }
                catch (Exception ex)
                {
                    Assert.Fail($"{c}: {ex}");
                }
            }
        }, seed: Seed, iter: 1, threads: 1);

        // Some edits (a string for a string, a harmless number) keep the file valid: the property is not vacuous.
        Assert.InRange(loaded, 1, Cases - 1);
    }

    private static readonly string[] s_keySegments =
        ["training", "model", "data", "runs", "0", "1", "99", "-1", "epochs", "batchSize", "layerSizes", "learningRate", "name", "kind", "seed", "quick", "", "x", "\u00e9", "[0]"];

    [Fact]
    public void Random_set_assignments_load_or_throw_a_ConfigException_with_a_path()
    {
        byte[] valid = File.ReadAllBytes(Experiments.RepositoryFolder("experiments/fig12.json"));
        Gen<string> key = Gen.OneOf(s_keySegments).Array[1, 4].Select(parts => string.Join(".", parts));
        Gen<string> value = Gen.OneOf(Gen.OneOf(s_tokens), Gen.String[0, 6]);
        Gen<string> assignment = Gen.Frequency((8, Gen.Select(key, value, (k, v) => $"{k}={v}")), (1, Gen.String[0, 8]));
        int loaded = 0;
        assignment.Array[1, 3].Array[Cases].Sample(cases =>
        {
            foreach (string[] sets in cases)
            {
                try
                {
                    ExperimentLoader.Parse(valid, Source, new LoadOptions { Sets = sets });
                    loaded++;
                }
                catch (ConfigException ex)
                {
                    Assert.StartsWith("$", ex.JsonPath);
                    Assert.Contains(ex.JsonPath, ex.Message);
                }
                catch (Exception ex)
                {
                    Assert.Fail($"--set {string.Join(" --set ", sets)}: {ex}");
                }
            }
        }, seed: Seed, iter: 1, threads: 1);

        Assert.InRange(loaded, 1, Cases - 1);
    }

    [Fact]
    public void Case_the_property_found_invalid_utf8_in_a_string_is_a_ConfigException_with_its_position()
    {
        // Byte 14 is the "i" of "fig_", line 2 column 13; before the fix Utf8JsonReader.GetString threw an InvalidOperationException.
        byte[] utf8 = Encoding.UTF8.GetBytes("{\n  \"name\": \"fig_\"\n}");
        utf8[14] = 0xFF;
        ConfigException error = Assert.Throws<ConfigException>(() => ExperimentLoader.Parse(utf8, Source, LoadOptions.None));
        Assert.Equal("fig12.json:2:13 $: invalid UTF-8 byte 0xFF; the file must be UTF-8 text", error.Message);
    }
}

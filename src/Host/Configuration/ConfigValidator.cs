using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace NeuroLc.Host.Configuration;

/// <summary>
/// Checks an experiment file against <see cref="ConfigSchema"/> token by token, so that every unknown key, wrong type
/// or malformed JSON is reported with its line, column and JSON path; records where each value is for later checks.
/// </summary>
public sealed class ConfigValidator
{
    private static readonly JsonReaderOptions s_readerOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private readonly string _source;
    private readonly byte[] _utf8;
    private readonly int[] _lineStarts;
    private readonly Dictionary<string, (int Line, int Column)> _positions = new(StringComparer.Ordinal);

    private ConfigValidator(string source, byte[] utf8)
    {
        _source = source;
        _utf8 = utf8;
        var starts = new List<int> { 0 };
        for (int i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n')
            {
                starts.Add(i + 1);
            }
        }
        _lineStarts = starts.ToArray();
    }

    /// <summary>Validates <paramref name="utf8"/> against <paramref name="schema"/>; returns the position of every value by JSON path.</summary>
    /// <exception cref="ConfigException">The first problem found, as <c>source:line:col $.path: reason</c>.</exception>
    public static IReadOnlyDictionary<string, (int Line, int Column)> Validate(byte[] utf8, string source, SchemaNode schema)
    {
        var validator = new ConfigValidator(source, utf8);
        ReadOnlySpan<byte> bytes = utf8;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }
        // Utf8JsonReader only notices invalid UTF-8 when a string is decoded, and then throws an untyped
        // InvalidOperationException; check the whole text first so the error has a position.
        if (!Utf8.IsValid(bytes))
        {
            int bad = FirstInvalidUtf8(bytes);
            (int line, int column) = validator.Position(bad);
            throw new ConfigException(source, line, column, "$", $"invalid UTF-8 byte 0x{bytes[bad]:X2}; the file must be UTF-8 text");
        }
        var reader = new Utf8JsonReader(bytes, s_readerOptions);
        try
        {
            if (!reader.Read())
            {
                throw new ConfigException(source, 1, 1, "$", "the file is empty; expected a JSON object");
            }
            validator.ValidateValue(ref reader, schema, "$");
            if (reader.Read())
            {
                throw validator.Error(ref reader, "$", "unexpected content after the top-level object");
            }
        }
        catch (JsonException ex)
        {
            string message = ex.Message;
            int cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            string reason = "invalid JSON: " + (cut > 0 ? message[..cut] : message).TrimEnd();
            throw new ConfigException(source, (int)(ex.LineNumber ?? 0) + 1, (int)(ex.BytePositionInLine ?? 0) + 1, ex.Path ?? "$", reason);
        }
        return validator._positions;
    }

    private void ValidateValue(ref Utf8JsonReader reader, SchemaNode schema, string path)
    {
        _positions[path] = Position(reader.TokenStartIndex);
        if (reader.TokenType == JsonTokenType.Null)
        {
            if (!schema.Nullable)
            {
                throw Error(ref reader, path, $"expected {Describe(schema)}, got null");
            }
            return;
        }
        switch (schema)
        {
            case ObjectSchema obj:
                ValidateObject(ref reader, obj, path);
                break;
            case ArraySchema array:
                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    throw Error(ref reader, path, $"expected {Describe(schema)}, got {TokenName(reader.TokenType)}");
                }
                int index = 0;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    ValidateValue(ref reader, array.Items, $"{path}[{index}]");
                    index++;
                }
                break;
            case ScalarSchema scalar:
                ValidateScalar(ref reader, scalar, path);
                break;
        }
    }

    private void ValidateObject(ref Utf8JsonReader reader, ObjectSchema schema, string path)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw Error(ref reader, path, $"expected an object, got {TokenName(reader.TokenType)}");
        }
        (int Line, int Column) start = Position(reader.TokenStartIndex);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            string key = reader.GetString()!;
            string child = path + "." + key;
            if (!schema.Properties.TryGetValue(key, out SchemaNode? childSchema))
            {
                throw Error(ref reader, child, $"unknown key '{key}'; expected one of: {string.Join(", ", schema.Properties.Keys)}");
            }
            if (!seen.Add(key))
            {
                throw Error(ref reader, child, $"duplicate key '{key}'");
            }
            reader.Read();
            ValidateValue(ref reader, childSchema, child);
        }
        foreach (string key in schema.Required)
        {
            if (!seen.Contains(key))
            {
                throw new ConfigException(_source, start.Line, start.Column, path, $"missing required key '{key}'");
            }
        }
    }

    private void ValidateScalar(ref Utf8JsonReader reader, ScalarSchema schema, string path)
    {
        bool ok = schema.Kind switch
        {
            ScalarKind.Integer => reader.TokenType == JsonTokenType.Number && IsIntegerInRange(ref reader, schema),
            ScalarKind.Number => reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out double d) && double.IsFinite(d),
            ScalarKind.Boolean => reader.TokenType is JsonTokenType.True or JsonTokenType.False,
            _ => reader.TokenType == JsonTokenType.String && (schema.Values is null || schema.Values.Contains(reader.GetString()!, StringComparer.Ordinal)),
        };
        if (!ok)
        {
            string got = reader.TokenType switch
            {
                JsonTokenType.String => $"\"{reader.GetString()}\"",
                JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
                _ => TokenName(reader.TokenType),
            };
            throw Error(ref reader, path, $"expected {schema.Expected}, got {got}");
        }
    }

    private static bool IsIntegerInRange(ref Utf8JsonReader reader, ScalarSchema schema)
    {
        if (reader.TryGetInt64(out long value))
        {
            return value >= schema.Minimum && value <= schema.Maximum;
        }
        return reader.TryGetUInt64(out ulong big) && big <= schema.Maximum;
    }

    private ConfigException Error(ref Utf8JsonReader reader, string path, string reason)
    {
        (int line, int column) = Position(reader.TokenStartIndex);
        return new ConfigException(_source, line, column, path, reason);
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        int index = 0;
        while (index < bytes.Length)
        {
            if (Rune.DecodeFromUtf8(bytes[index..], out _, out int consumed) != System.Buffers.OperationStatus.Done)
            {
                return index;
            }
            index += consumed;
        }
        return bytes.Length;
    }

    private (int Line, int Column) Position(long byteIndex)
    {
        int offset = _utf8.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        int index = (int)byteIndex + offset;
        int line = Array.BinarySearch(_lineStarts, index);
        if (line < 0)
        {
            line = ~line - 1;
        }
        int column = Encoding.UTF8.GetCharCount(_utf8, _lineStarts[line], index - _lineStarts[line]) + 1;
        return (line + 1, column);
    }

    private static string Describe(SchemaNode schema) => schema switch
    {
        ObjectSchema => "an object",
        ArraySchema array => $"an array of {Describe(array.Items)}",
        ScalarSchema scalar => scalar.Expected,
        _ => "a value",
    };

    private static string TokenName(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };
}

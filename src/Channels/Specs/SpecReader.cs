using System.Text.Json;

namespace NeuroLc.Channels.Specs;

/// <summary>Typed, path-aware reads from a <see cref="JsonElement"/>: every failure is an
/// <see cref="ArchitectureSpecException"/> naming the source and the JSON path.</summary>
internal sealed class SpecReader(string source)
{
    public ArchitectureSpecException Error(string path, string reason) => new(source, path, reason);

    public JsonElement Object(JsonElement e, string path, params string[] allowed)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            throw Error(path, $"expected an object, got {Describe(e)}");
        }

        foreach (JsonProperty p in e.EnumerateObject())
        {
            if (!allowed.Contains(p.Name, StringComparer.Ordinal))
            {
                throw Error($"{path}.{p.Name}", $"unknown key (expected one of: {string.Join(", ", allowed)})");
            }
        }

        return e;
    }

    public bool TryGet(JsonElement obj, string key, out JsonElement value)
        => obj.TryGetProperty(key, out value) && value.ValueKind != JsonValueKind.Null;

    public JsonElement Required(JsonElement obj, string path, string key)
        => TryGet(obj, key, out JsonElement v) ? v : throw Error($"{path}.{key}", "missing required value");

    public int Int(JsonElement e, string path)
        => e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out int v)
            ? v
            : throw Error(path, $"expected an integer, got {Describe(e)}");

    public ulong UInt64(JsonElement e, string path)
        => e.ValueKind == JsonValueKind.Number && e.TryGetUInt64(out ulong v)
            ? v
            : throw Error(path, $"expected a non-negative integer, got {Describe(e)}");

    public double Number(JsonElement e, string path)
        => e.ValueKind == JsonValueKind.Number ? e.GetDouble() : throw Error(path, $"expected a number, got {Describe(e)}");

    public bool Bool(JsonElement e, string path)
        => e.ValueKind is JsonValueKind.True or JsonValueKind.False ? e.GetBoolean() : throw Error(path, $"expected true or false, got {Describe(e)}");

    public string String(JsonElement e, string path)
        => e.ValueKind == JsonValueKind.String ? e.GetString()! : throw Error(path, $"expected a string, got {Describe(e)}");

    public T Enum<T>(JsonElement e, string path, IReadOnlyDictionary<string, T> names)
    {
        string s = String(e, path);
        return names.TryGetValue(s, out T? v)
            ? v
            : throw Error(path, $"unknown value '{s}' (expected one of: {string.Join(", ", names.Keys)})");
    }

    public int[] IntArray(JsonElement e, string path)
    {
        if (e.ValueKind != JsonValueKind.Array)
        {
            throw Error(path, $"expected an array of integers, got {Describe(e)}");
        }

        return e.EnumerateArray().Select((x, i) => Int(x, $"{path}[{i}]")).ToArray();
    }

    public JsonElement[] Array(JsonElement e, string path)
        => e.ValueKind == JsonValueKind.Array ? [.. e.EnumerateArray()] : throw Error(path, $"expected an array, got {Describe(e)}");

    private static string Describe(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => $"the string \"{e.GetString()}\"",
        JsonValueKind.Number => $"the number {e.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => $"the boolean {e.GetRawText()}",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => e.ValueKind.ToString().ToLowerInvariant(),
    };
}

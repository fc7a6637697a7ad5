using System.Text.Json;
using System.Text.Json.Nodes;

namespace NeuroLc.Host.Configuration;

/// <summary>Edits of an experiment's JSON tree: <c>--set</c> assignments and the deep merge of run overrides onto defaults.</summary>
public static class JsonOverrides
{
    /// <summary>Applies <c>a.b.c=value</c> (array items by index: <c>runs.0.model.algorithm=RBP</c>) to <paramref name="root"/>.</summary>
    /// <exception cref="ConfigException">The assignment is malformed or walks through a value that is not an object or array.</exception>
    public static void ApplySet(JsonObject root, string assignment)
    {
        int equals = assignment.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw new ConfigException("--set", null, null, "$", $"expected key.path=value, got '{assignment}'");
        }
        string[] keys = assignment[..equals].Split('.');
        string text = assignment[(equals + 1)..];
        JsonNode? value;
        try
        {
            value = JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            value = JsonValue.Create(text);
        }
        JsonNode current = root;
        string path = "$";
        for (int i = 0; i < keys.Length; i++)
        {
            string key = keys[i];
            bool last = i == keys.Length - 1;
            if (current is JsonArray array)
            {
                if (!int.TryParse(key, out int index) || index < 0 || index >= array.Count)
                {
                    throw new ConfigException("--set", null, null, $"{path}[{key}]", $"expected an index below {array.Count}");
                }
                path += $"[{index}]";
                if (last)
                {
                    array[index] = value;
                    return;
                }
                current = array[index] ?? throw new ConfigException("--set", null, null, path, "cannot set a key below null");
                continue;
            }
            var obj = (JsonObject)current;
            path += "." + key;
            if (last)
            {
                obj[key] = value;
                return;
            }
            JsonNode? next = obj[key];
            if (next is null)
            {
                next = new JsonObject();
                obj[key] = next;
            }
            if (next is not JsonObject && next is not JsonArray)
            {
                throw new ConfigException("--set", null, null, path, "is a value, not an object; cannot set a key below it");
            }
            current = next;
        }
    }

    /// <summary>Returns <paramref name="defaults"/> with every key of <paramref name="overrides"/> replaced, objects merged key by key.</summary>
    public static JsonObject Merge(JsonObject? defaults, JsonObject? overrides)
    {
        JsonObject result = defaults is null ? new JsonObject() : (JsonObject)defaults.DeepClone();
        if (overrides is null)
        {
            return result;
        }
        foreach (KeyValuePair<string, JsonNode?> pair in overrides)
        {
            if (pair.Value is JsonObject child && result[pair.Key] is JsonObject existing)
            {
                result[pair.Key] = Merge(existing, child);
            }
            else
            {
                result[pair.Key] = pair.Value?.DeepClone();
            }
        }
        return result;
    }
}

using System.ComponentModel;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace NeuroLc.Host.Configuration;

/// <summary>
/// The schema of experiment files, derived once from <see cref="ExperimentDocument"/> so that the validator, the
/// published <c>experiment.schema.json</c> and the deserializer cannot disagree.
/// </summary>
public static class ConfigSchema
{
    private static readonly NullabilityInfoContext s_nullability = new();

    /// <summary>The root of the experiment schema.</summary>
    public static ObjectSchema Experiment { get; } = (ObjectSchema)Build(typeof(ExperimentDocument), "An experiment: the runs of one figure.", false);

    /// <summary>The schema as a JSON Schema (draft 2020-12) document.</summary>
    public static string ToJsonSchema()
    {
        var root = (JsonObject)ToJson(Experiment);
        var document = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = "https://neurolc.example/experiment.schema.json",
            ["title"] = "NeuroLc experiment",
        };
        foreach (KeyValuePair<string, JsonNode?> pair in root)
        {
            document[pair.Key] = pair.Value?.DeepClone();
        }
        return document.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }

    private static SchemaNode Build(Type type, string? description, bool nullable)
    {
        Type? underlying = System.Nullable.GetUnderlyingType(type);
        if (underlying is not null)
        {
            return Build(underlying, description, true);
        }
        if (type == typeof(int))
        {
            return new ScalarSchema(description, nullable, ScalarKind.Integer, int.MinValue, int.MaxValue, null);
        }
        if (type == typeof(long))
        {
            return new ScalarSchema(description, nullable, ScalarKind.Integer, long.MinValue, long.MaxValue, null);
        }
        if (type == typeof(ulong))
        {
            return new ScalarSchema(description, nullable, ScalarKind.Integer, 0, ulong.MaxValue, null);
        }
        if (type == typeof(double) || type == typeof(float))
        {
            return new ScalarSchema(description, nullable, ScalarKind.Number, null, null, null);
        }
        if (type == typeof(bool))
        {
            return new ScalarSchema(description, nullable, ScalarKind.Boolean, null, null, null);
        }
        if (type == typeof(string))
        {
            return new ScalarSchema(description, nullable, ScalarKind.String, null, null, null);
        }
        if (type.IsEnum)
        {
            return new ScalarSchema(description, nullable, ScalarKind.String, null, null, Enum.GetNames(type));
        }
        if (type.IsArray)
        {
            return new ArraySchema(description, nullable, Build(type.GetElementType()!, null, false));
        }
        var properties = new Dictionary<string, SchemaNode>(StringComparer.Ordinal);
        var required = new List<string>();
        foreach (PropertyInfo property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            string name = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            bool isNullable = s_nullability.Create(property).WriteState == NullabilityState.Nullable;
            properties[name] = Build(property.PropertyType, property.GetCustomAttribute<DescriptionAttribute>()?.Description, isNullable);
            if (property.GetCustomAttribute<JsonRequiredAttribute>() is not null)
            {
                required.Add(name);
            }
        }
        return new ObjectSchema(description, nullable, properties, required);
    }

    private static JsonNode ToJson(SchemaNode node)
    {
        var json = new JsonObject();
        if (node.Description is not null)
        {
            json["description"] = node.Description;
        }
        switch (node)
        {
            case ObjectSchema obj:
                json["type"] = TypeName("object", node.Nullable);
                var properties = new JsonObject();
                foreach (KeyValuePair<string, SchemaNode> pair in obj.Properties)
                {
                    properties[pair.Key] = ToJson(pair.Value);
                }
                json["properties"] = properties;
                json["additionalProperties"] = false;
                if (obj.Required.Count > 0)
                {
                    json["required"] = new JsonArray(obj.Required.Select(r => (JsonNode)JsonValue.Create(r)).ToArray());
                }
                break;
            case ArraySchema array:
                json["type"] = TypeName("array", node.Nullable);
                json["items"] = ToJson(array.Items);
                break;
            case ScalarSchema scalar:
                json["type"] = TypeName(scalar.Kind.ToString().ToLowerInvariant(), node.Nullable);
                if (scalar.Kind == ScalarKind.Integer && scalar.Minimum is { } min && min >= 0)
                {
                    json["minimum"] = (long)min;
                }
                if (scalar.Values is { } values)
                {
                    var items = values.Select(v => (JsonNode?)JsonValue.Create(v)).ToList();
                    if (node.Nullable)
                    {
                        items.Add(null);
                    }
                    json["enum"] = new JsonArray(items.ToArray());
                }
                break;
        }
        return json;
    }

    private static JsonNode TypeName(string name, bool nullable) =>
        nullable ? new JsonArray(JsonValue.Create(name), JsonValue.Create("null")) : JsonValue.Create(name);
}

namespace NeuroLc.Host.Configuration;

/// <summary>The JSON type of one value of an experiment file, as accepted by <see cref="ConfigValidator"/>.</summary>
public abstract record SchemaNode(string? Description, bool Nullable);

/// <summary>A JSON object with a fixed set of keys; any other key is an error.</summary>
public sealed record ObjectSchema(string? Description, bool Nullable, IReadOnlyDictionary<string, SchemaNode> Properties, IReadOnlyList<string> Required)
    : SchemaNode(Description, Nullable);

/// <summary>A JSON array whose items all have one type.</summary>
public sealed record ArraySchema(string? Description, bool Nullable, SchemaNode Items) : SchemaNode(Description, Nullable);

/// <summary>The JSON scalar kinds an experiment file uses.</summary>
public enum ScalarKind { Integer, Number, String, Boolean }

/// <summary>A JSON scalar; integers carry their range, strings may be restricted to enumerated values.</summary>
public sealed record ScalarSchema(string? Description, bool Nullable, ScalarKind Kind, decimal? Minimum, decimal? Maximum, IReadOnlyList<string>? Values)
    : SchemaNode(Description, Nullable)
{
    /// <summary>What a value of this kind looks like, for error messages.</summary>
    public string Expected => Kind switch
    {
        ScalarKind.Integer => Minimum == 0 ? "a non-negative integer" : "an integer",
        ScalarKind.Number => "a number",
        ScalarKind.Boolean => "true or false",
        _ => Values is null ? "a string" : "one of " + string.Join(", ", Values),
    };
}

using System.Text.Json;
using NeuroLc.Channels.Architectures;
using NeuroLc.Channels.Graph;

namespace NeuroLc.Channels.Specs;

/// <summary>
/// A JSON architecture spec (see <c>experiments/architectures/arch01.json</c> … <c>arch10.json</c>):
/// <code>
/// { "name": "arch10", "seed": 1,
///   "forward": { "inputs": 2, "hidden": [8, 8, 8], "outputs": 1, "transfer": "tanh", "outputTransfer": "logistic", "dropout": 0 },
///   "learningChannel": { "kind": "distinct", "algorithm": "srbp", "connections": "mixed", "widths": [10, 5, 3],
///                        "transfer": "forward", "adaptation": "hebbian", "dropout": 0, "lateralA": true,
///                        "lateralC": [ { "from": 1, "to": 1 } ], "sharedWeights": false, "initStd": 0.1 } }
/// </code>
/// Unknown keys, wrong types and impossible sizes or combinations are rejected with an
/// <see cref="ArchitectureSpecException"/> whose message starts with the file and the JSON path.
/// </summary>
public sealed class ArchitectureSpec
{
    private readonly SpecReader _reader;

    internal ArchitectureSpec(SpecReader reader, string? name, string? description, ArchitectureOptions options)
    {
        _reader = reader;
        Name = name;
        Description = description;
        Options = options;
    }

    /// <summary>The spec's name, if given (informative only: the audit never reads it).</summary>
    public string? Name { get; }

    /// <summary>The spec's description, if given.</summary>
    public string? Description { get; }

    /// <summary>The architecture options the spec describes.</summary>
    public ArchitectureOptions Options { get; }

    /// <summary>Reads and type-checks the spec at <paramref name="path"/>.</summary>
    public static ArchitectureSpec LoadFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ArchitectureSpecException(path, "$", $"cannot read the file: {e.Message}", e);
        }

        return Parse(json, path);
    }

    /// <summary>Reads and type-checks a spec held in <paramref name="json"/>; <paramref name="source"/> names it
    /// in error messages.</summary>
    public static ArchitectureSpec Parse(string json, string source = "(spec)")
    {
        ArgumentNullException.ThrowIfNull(json);
        var reader = new SpecReader(source);
        try
        {
            using JsonDocument doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
            return ArchitectureSpecParser.Parse(doc.RootElement, reader);
        }
        catch (JsonException e)
        {
            throw new ArchitectureSpecException(source, e.Path ?? "$",
                $"invalid JSON at line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1}: {e.Message}", e);
        }
    }

    /// <summary>Builds the network; an impossible size or combination is an
    /// <see cref="ArchitectureSpecException"/> naming its JSON path.</summary>
    public NetworkGraph Build()
    {
        try
        {
            return ArchitectureFactory.Build(Options);
        }
        catch (ArchitectureException e)
        {
            throw _reader.Error($"$.{e.Path}", e.Reason);
        }
        catch (GraphValidationException e)
        {
            // Not expected once the options are valid; reported against the whole spec rather than crashing.
            throw _reader.Error("$", e.Message);
        }
    }
}

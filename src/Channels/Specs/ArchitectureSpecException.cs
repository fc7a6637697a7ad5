namespace NeuroLc.Channels.Specs;

/// <summary>
/// An architecture spec is unreadable or asks for something impossible. The message starts with the file and
/// the JSON path of the offending value, e.g. <c>arch.json: $.learningChannel.widths[1]: must be >= 1, was 0</c>.
/// </summary>
public sealed class ArchitectureSpecException : Exception
{
    /// <summary>Creates the exception for the value at <paramref name="jsonPath"/> of <paramref name="source"/>.</summary>
    public ArchitectureSpecException(string source, string jsonPath, string reason, Exception? inner = null)
        : base($"{source}: {jsonPath}: {reason}", inner)
    {
        Source = source;
        JsonPath = jsonPath;
        Reason = reason;
    }

    /// <summary>The file (or other source name) of the spec.</summary>
    public new string Source { get; }

    /// <summary>The JSON path of the offending value, e.g. <c>$.learningChannel.widths[1]</c>.</summary>
    public string JsonPath { get; }

    /// <summary>Why it is wrong.</summary>
    public string Reason { get; }
}

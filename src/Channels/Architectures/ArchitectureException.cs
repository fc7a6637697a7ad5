namespace NeuroLc.Channels.Architectures;

/// <summary>
/// An architecture cannot be built as asked. <see cref="Path"/> names the offending option in the JSON spec's
/// terms (e.g. <c>learningChannel.widths[1]</c>), so the spec reader can report <c>$.learningChannel.widths[1]</c>
/// and a fluent-API caller sees the same name.
/// </summary>
public sealed class ArchitectureException : Exception
{
    /// <summary>Creates the exception for option <paramref name="path"/>.</summary>
    public ArchitectureException(string path, string reason)
        : base($"architecture option {path}: {reason}")
    {
        Path = path;
        Reason = reason;
    }

    /// <summary>The option at fault, e.g. <c>learningChannel.algorithm</c>.</summary>
    public string Path { get; }

    /// <summary>Why it is wrong.</summary>
    public string Reason { get; }
}

namespace NeuroLc.Host.Configuration;

/// <summary>An experiment file that cannot be used, reported as <c>file:line:col $.path: reason</c> (DESIGN.md section 10).</summary>
public sealed class ConfigException : Exception
{
    public ConfigException(string source, int? line, int? column, string path, string reason)
        : base(Format(source, line, column, path, reason))
    {
        Source = source;
        Line = line;
        Column = column;
        JsonPath = path;
        Reason = reason;
    }

    /// <summary>The file (or <c>--set</c>) the problem is in.</summary>
    public new string Source { get; }

    /// <summary>1-based line, when the value is in the file.</summary>
    public int? Line { get; }

    /// <summary>1-based column, when the value is in the file.</summary>
    public int? Column { get; }

    /// <summary>JSON path of the offending value, e.g. <c>$.training.epochs</c>.</summary>
    public string JsonPath { get; }

    /// <summary>What was expected.</summary>
    public string Reason { get; }

    private static string Format(string source, int? line, int? column, string path, string reason)
    {
        string where = line is null ? source : $"{source}:{line}:{column}";
        return $"{where} {path}: {reason}";
    }
}

namespace NeuroLc.RateAdapters.Data;

/// <summary>A data file that cannot be read: wrong magic number, truncated, malformed row, mismatched counts. Names the file (and line).</summary>
public sealed class DataFormatException : Exception
{
    /// <summary>Creates the exception for <paramref name="path"/>.</summary>
    public DataFormatException(string path, string message)
        : base($"{path}: {message}")
    {
        Path = path;
    }

    /// <summary>The file at fault.</summary>
    public string Path { get; }
}

namespace NeuroLc.RateAdapters.Training;

/// <summary>A checkpoint stream that is truncated, corrupt, of another version, or does not match the data given.</summary>
public sealed class CheckpointFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CheckpointFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public CheckpointFormatException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

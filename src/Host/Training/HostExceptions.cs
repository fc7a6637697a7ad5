namespace NeuroLc.Host.Training;

/// <summary>A run's data is missing or unreadable; the message says exactly how to get it (exit code 2).</summary>
public sealed class DataUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>A checkpoint cannot be used: truncated, corrupt, or from another run; the store falls back to an older one.</summary>
public sealed class CheckpointUnreadableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>A run started but could not finish (divergence, engine error); exit code 1.</summary>
public sealed class RunFailedException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Bad usage or input found before a run changes anything (e.g. a run directory of another experiment); exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);

namespace NeuroLc.Host.Runs;

/// <summary>The host's part of a checkpoint: which run it belongs to and the host-side state of the training loop.</summary>
public sealed record CheckpointHeader
{
    public required string Run { get; init; }

    /// <summary>SHA-256 of the run's resolved configuration; a checkpoint of another configuration is refused.</summary>
    public required string ConfigSha256 { get; init; }

    public required long Updates { get; init; }

    public required int CompletedEpochs { get; init; }

    /// <summary>Lowest validation error so far (early stopping, Figure 12).</summary>
    public double? BestValidationError { get; init; }

    /// <summary>
    /// Consecutive epochs, up to this checkpoint, whose validation error exceeded the best by more than the early-stop
    /// tolerance (<see cref="Configuration.TrainingConfig.EarlyStopPatience"/>); absent, hence 0, in checkpoints written before it
    /// existed.
    /// </summary>
    public int EpochsAboveBest { get; init; }

    /// <summary>Set when training ended before the last epoch: <c>early-stop</c> or <c>max-updates</c>.</summary>
    public string? StoppedBy { get; init; }

    /// <summary>Training time before this checkpoint, summed over all processes that worked on the run.</summary>
    public double ElapsedSeconds { get; init; }
}

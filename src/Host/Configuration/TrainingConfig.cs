using System.ComponentModel;

namespace NeuroLc.Host.Configuration;

/// <summary>How one run is trained: minibatch SGD with momentum and Keras-style decay lr_t = lr_0 / (1 + decay·t).</summary>
public sealed record TrainingConfig
{
    [Description("Passes over the training set.")]
    public int Epochs { get; init; } = 100;

    [Description("Examples per minibatch update.")]
    public int BatchSize { get; init; } = 100;

    [Description("Initial learning rate eta.")]
    public double LearningRate { get; init; } = 0.1;

    [Description("Momentum factor (0 = plain SGD).")]
    public double Momentum { get; init; }

    [Description("Keras decay: lr_t = lr_0 / (1 + decay * t), t counting updates.")]
    public double Decay { get; init; }

    [Description("Seed of every random choice (initial weights, shuffling, dropout, random learning channel).")]
    public ulong Seed { get; init; } = 1;

    [Description("Worker threads; 0 uses all cores. Results do not depend on it.")]
    public int Threads { get; init; }

    [Description("Stop after this many updates (Figure 12: 1,500,000).")]
    public long? MaxUpdates { get; init; }

    [Description("Divergence guard: the run fails when a weight |w| grows past this bound (NaN and infinity always fail).")]
    public double? WeightBound { get; init; } = 1e6;

    [Description("Write a checkpoint every this many updates (and at every epoch end).")]
    public long CheckpointEvery { get; init; } = 2000;

    [Description("Early stop when the validation error exceeds its best value by more than this amount (Figure 12: 0.01).")]
    public double? EarlyStopValidationIncrease { get; init; }

    [Description("Early stop only after this many consecutive epochs with the validation error above its best by more than earlyStopValidationIncrease (unset or 1: at the first such epoch, the paper's rule).")]
    // Nullable so that configurations that do not set it serialise, and hash, as before it existed (resume checks the hash).
    public int? EarlyStopPatience { get; init; }

    /// <summary>Range checks that the JSON types cannot express; each problem names its JSON path below <paramref name="path"/>.</summary>
    public IEnumerable<(string Path, string Reason)> Problems(string path)
    {
        if (Epochs < 1)
        {
            yield return ($"{path}.epochs", $"expected at least 1 epoch (got {Epochs})");
        }
        if (BatchSize < 1)
        {
            yield return ($"{path}.batchSize", $"expected at least 1 example per batch (got {BatchSize})");
        }
        if (!(LearningRate > 0) || double.IsInfinity(LearningRate))
        {
            yield return ($"{path}.learningRate", $"expected a finite learning rate > 0 (got {LearningRate})");
        }
        if (Momentum is < 0 or >= 1)
        {
            yield return ($"{path}.momentum", $"expected 0 <= momentum < 1 (got {Momentum})");
        }
        if (Decay < 0)
        {
            yield return ($"{path}.decay", $"expected decay >= 0 (got {Decay})");
        }
        if (Threads < 0)
        {
            yield return ($"{path}.threads", $"expected 0 (all cores) or a positive count (got {Threads})");
        }
        if (MaxUpdates is < 1)
        {
            yield return ($"{path}.maxUpdates", $"expected at least 1 update (got {MaxUpdates})");
        }
        if (WeightBound is <= 0)
        {
            yield return ($"{path}.weightBound", $"expected a bound > 0 (got {WeightBound})");
        }
        if (CheckpointEvery < 1)
        {
            yield return ($"{path}.checkpointEvery", $"expected at least 1 update between checkpoints (got {CheckpointEvery})");
        }
        if (EarlyStopValidationIncrease is < 0)
        {
            yield return ($"{path}.earlyStopValidationIncrease", $"expected a tolerance >= 0 (got {EarlyStopValidationIncrease})");
        }
        if (EarlyStopPatience is < 1)
        {
            yield return ($"{path}.earlyStopPatience", $"expected at least 1 epoch (got {EarlyStopPatience})");
        }
    }
}

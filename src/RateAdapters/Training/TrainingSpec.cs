namespace NeuroLc.RateAdapters.Training;

/// <summary>Minibatch SGD settings. Defaults are the Figure 7 settings: batch 100, lr 0.1, no momentum, no decay.</summary>
public sealed record TrainingSpec
{
    /// <summary>Epochs the caller intends to run (informative; the trainer stops when the caller stops).</summary>
    public int Epochs { get; init; } = 100;

    /// <summary>Examples per update; the last incomplete batch of an epoch is dropped.</summary>
    public int BatchSize { get; init; } = 100;

    /// <summary>Initial learning rate η₀ (&gt; 0).</summary>
    public float LearningRate { get; init; } = 0.1f;

    /// <summary>Momentum μ in [0, 1): V ← μV + ηΔ, W ← W + V (Keras SGD).</summary>
    public float Momentum { get; init; }

    /// <summary>Keras-style decay: η_t = η₀ / (1 + decay·t), t = updates so far.</summary>
    public float Decay { get; init; }

    /// <summary>Seed of every random choice (initial weights, shuffles, dropout masks).</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Threads for the matrix products (1 or 2); results are bit-identical for either.</summary>
    public int Threads { get; init; } = 2;

    /// <summary>Optional cap on the total number of updates (Figure 12 stops at 1.5M).</summary>
    public long? MaxUpdates { get; init; }

    /// <summary>Divergence guard: a weight with |w| above this bound stops training (NaN/∞ always do).</summary>
    public double? WeightBound { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the field when a value is out of range.</summary>
    public void Validate()
    {
        if (Epochs <= 0)
        {
            throw new ArgumentException($"TrainingSpec.Epochs = {Epochs} must be positive.", nameof(Epochs));
        }

        if (BatchSize <= 0)
        {
            throw new ArgumentException($"TrainingSpec.BatchSize = {BatchSize} must be positive.", nameof(BatchSize));
        }

        if (!(LearningRate > 0f) || !float.IsFinite(LearningRate))
        {
            throw new ArgumentException($"TrainingSpec.LearningRate = {LearningRate} must be positive and finite.", nameof(LearningRate));
        }

        if (!(Momentum >= 0f && Momentum < 1f))
        {
            throw new ArgumentException($"TrainingSpec.Momentum = {Momentum} must be in [0, 1).", nameof(Momentum));
        }

        if (!(Decay >= 0f) || !float.IsFinite(Decay))
        {
            throw new ArgumentException($"TrainingSpec.Decay = {Decay} must be non-negative.", nameof(Decay));
        }

        if (Threads <= 0)
        {
            throw new ArgumentException($"TrainingSpec.Threads = {Threads} must be positive.", nameof(Threads));
        }

        if (MaxUpdates is <= 0)
        {
            throw new ArgumentException($"TrainingSpec.MaxUpdates = {MaxUpdates} must be positive.", nameof(MaxUpdates));
        }

        if (WeightBound is { } bound && !(bound > 0))
        {
            throw new ArgumentException($"TrainingSpec.WeightBound = {bound} must be positive.", nameof(WeightBound));
        }
    }
}

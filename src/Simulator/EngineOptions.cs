namespace NeuroLc.Simulator;

/// <summary>Run options of the <see cref="CellEngine"/>.</summary>
public sealed record EngineOptions
{
    /// <summary>Broadcast learning rate η.</summary>
    public float LearningRate { get; init; } = 0.1f;

    /// <summary>Keras-style decay: the broadcast η after t examples is η₀ / (1 + decay · t).</summary>
    public double LearningRateDecay { get; init; }

    /// <summary>Phases (STDP) or explicit error.</summary>
    public PresentationMode Mode { get; init; } = PresentationMode.ExplicitError;

    /// <summary>Examples per weight update: 1 is online learning; B &gt; 1 accumulates Δw over B examples and
    /// applies their mean.</summary>
    public int BatchSize { get; init; } = 1;

    /// <summary>Seed of the cells' counter-based random streams (dropout).</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Audit mode: record every read of every synapse update (see <see cref="CellEngine.Audit"/>).</summary>
    public bool Audit { get; init; }

    /// <summary>Checks the options, naming the field at fault.</summary>
    public void Validate()
    {
        if (!float.IsFinite(LearningRate) || LearningRate < 0f)
        {
            throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "EngineOptions.LearningRate must be finite and ≥ 0");
        }

        if (!double.IsFinite(LearningRateDecay) || LearningRateDecay < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(LearningRateDecay), LearningRateDecay, "EngineOptions.LearningRateDecay must be finite and ≥ 0");
        }

        if (BatchSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "EngineOptions.BatchSize must be ≥ 1");
        }
    }
}

namespace NeuroLc.Host.Configuration;

/// <summary>A resolved experiment: every run with its complete data, training and model settings.</summary>
public sealed record ExperimentConfig
{
    public required string Name { get; init; }

    public string? Title { get; init; }

    public string? Description { get; init; }

    public required IReadOnlyList<RunConfig> Runs { get; init; }
}

/// <summary>One fully resolved run: what <see cref="Training.ITrainingEngine"/> needs to train it.</summary>
public sealed record RunConfig
{
    public required string Name { get; init; }

    public required DataConfig Data { get; init; }

    public required TrainingConfig Training { get; init; }

    public required ModelConfig Model { get; init; }
}

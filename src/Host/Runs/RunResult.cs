namespace NeuroLc.Host.Runs;

/// <summary>The final figures of one finished run, saved as <c>results/&lt;run&gt;.json</c> and gathered into <c>summary.json</c>.</summary>
public sealed record RunResult
{
    public required string Name { get; init; }

    public required int Epochs { get; init; }

    public required long Updates { get; init; }

    public required double TrainAccuracy { get; init; }

    public required double TrainLoss { get; init; }

    public required double ValidationAccuracy { get; init; }

    public required double ValidationLoss { get; init; }

    /// <summary>Why training ended: <c>epochs</c>, <c>max-updates</c> or <c>early-stop</c>.</summary>
    public required string StoppedBy { get; init; }

    public required double WallSeconds { get; init; }

    public required string WeightsSha256 { get; init; }

    /// <summary>For two-input tasks (f_k): predicted probabilities on a square grid over [−1, 1]², row-major from y = −1.</summary>
    public ProbabilityMap? ProbabilityMap { get; init; }
}

/// <summary>Output probabilities on a <see cref="Resolution"/>² grid over [−1, 1]² (Figure 12).</summary>
public sealed record ProbabilityMap(int Resolution, float[] Values);

/// <summary>Contents of <c>summary.json</c>: every run's result and one hash over all of them.</summary>
public sealed record RunSummary
{
    public required string Experiment { get; init; }

    public required double WallSeconds { get; init; }

    /// <summary>SHA-256 over the lines <c>name:weights_sha256</c> of all runs in config order.</summary>
    public required string WeightsSha256 { get; init; }

    public required IReadOnlyList<RunResult> Runs { get; init; }
}

using NeuroLc.Host.Training;

namespace NeuroLc.Host.Runs;

/// <summary>One line of <c>metrics.jsonl</c> / <c>metrics.csv</c>: one epoch of one run.</summary>
public sealed record MetricsRow
{
    public required string Run { get; init; }

    public required int Epoch { get; init; }

    public required long Updates { get; init; }

    public required double TrainAccuracy { get; init; }

    public required double TrainLoss { get; init; }

    public required double ValidationAccuracy { get; init; }

    public required double ValidationLoss { get; init; }

    /// <summary>Frobenius norm per weight matrix, keyed <c>channel/layer</c> (e.g. <c>forward/1</c>).</summary>
    public required SortedDictionary<string, double> WeightNorms { get; init; }

    /// <summary>Angle in degrees between the learning-channel matrix and the transposed forward matrix, per layer.</summary>
    public required double[] AlignmentDegrees { get; init; }

    public required double Seconds { get; init; }

    public static MetricsRow From(string run, int epoch, EpochReport report) => new()
    {
        Run = run,
        Epoch = epoch,
        Updates = report.Updates,
        TrainAccuracy = report.TrainAccuracy,
        TrainLoss = report.TrainLoss,
        ValidationAccuracy = report.ValidationAccuracy,
        ValidationLoss = report.ValidationLoss,
        WeightNorms = new SortedDictionary<string, double>(
            report.WeightNorms.ToDictionary(n => $"{n.Channel}/{n.Layer}", n => n.FrobeniusNorm), StringComparer.Ordinal),
        AlignmentDegrees = report.AlignmentAnglesDegrees.ToArray(),
        Seconds = report.Seconds,
    };
}

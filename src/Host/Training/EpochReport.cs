namespace NeuroLc.Host.Training;

/// <summary>What one epoch measured: accuracy and loss on both sets, weight norms, alignment angles and time.</summary>
public sealed record EpochReport(
    int Epoch,
    long Updates,
    double TrainAccuracy,
    double TrainLoss,
    double ValidationAccuracy,
    double ValidationLoss,
    IReadOnlyList<WeightNorm> WeightNorms,
    IReadOnlyList<double> AlignmentAnglesDegrees,
    double Seconds);

/// <summary>Frobenius norm of one layer's weights in one channel ("forward" or a learning-channel matrix).</summary>
public sealed record WeightNorm(int Layer, string Channel, double FrobeniusNorm);

namespace NeuroLc.RateAdapters.Training;

/// <summary>
/// What one epoch produced. Training accuracy and loss are averaged over the epoch's minibatches as they were seen
/// during training (before each update, with dropout — the Keras convention); validation figures come from a full
/// evaluation pass without dropout (NaN when there is no validation set). Alignment angles: per feedback matrix,
/// the angle in degrees between it and the matrix BP would use in its place (RBP: W^h vs C^h; SRBP: C^h vs
/// (W^{h+1}⋯W^L)); empty for BP and Distinct channels.
/// </summary>
public sealed record EpochMetrics(int Epoch, long Updates, double TrainAccuracy, double TrainLoss,
    double ValidationAccuracy, double ValidationLoss, IReadOnlyList<LayerWeightNorm> WeightNorms,
    IReadOnlyList<double> AlignmentAnglesDegrees, double Seconds);

/// <summary>Frobenius norm of one weight matrix: <paramref name="Channel"/> is "forward", "learning", "lateral-C'" or "lateral-A'".</summary>
public sealed record LayerWeightNorm(int Layer, string Channel, double FrobeniusNorm);

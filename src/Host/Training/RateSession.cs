using NeuroLc.RateAdapters.Training;

namespace NeuroLc.Host.Training;

/// <summary>An <see cref="ITrainingSession"/> over the rate adapters' <see cref="RateTrainer"/>; divergence becomes a <see cref="RunFailedException"/>.</summary>
public sealed class RateSession(RateTrainer trainer, string run) : ITrainingSession
{
    public long Updates => trainer.Updates;

    public int UpdatesPerEpoch => trainer.UpdatesPerEpoch;

    public int BatchSize => trainer.Training.BatchSize;

    public long SynapseCount => trainer.SynapseCount;

    public bool Step()
    {
        try
        {
            return trainer.Step();
        }
        catch (TrainingDivergedException ex)
        {
            throw Diverged(ex);
        }
    }

    public EpochReport EndEpoch()
    {
        EpochMetrics metrics;
        try
        {
            metrics = trainer.EndEpoch();
        }
        catch (TrainingDivergedException ex)
        {
            throw Diverged(ex);
        }
        return new EpochReport(metrics.Epoch, metrics.Updates, metrics.TrainAccuracy, metrics.TrainLoss,
            metrics.ValidationAccuracy, metrics.ValidationLoss,
            metrics.WeightNorms.Select(n => new WeightNorm(n.Layer, n.Channel, n.FrobeniusNorm)).ToArray(),
            metrics.AlignmentAnglesDegrees, metrics.Seconds);
    }

    public void WriteCheckpoint(Stream stream) => trainer.WriteCheckpoint(stream);

    public string WeightsSha256() => trainer.WeightsSha256();

    public float[] PredictProbabilities(ReadOnlySpan<float> inputs, int count) => trainer.PredictProbabilities(inputs, count);

    public void Dispose() => trainer.Dispose();

    private RunFailedException Diverged(TrainingDivergedException ex) =>
        new($"run '{run}' diverged in epoch {ex.Epoch}, layer {ex.Layer}, {ex.Channel} channel: {ex.Message}", ex);
}

using NeuroLc.Host.Configuration;
using NeuroLc.RateAdapters.Training;

namespace NeuroLc.Host.Training;

/// <summary>The production <see cref="ITrainingEngine"/>: the rate adapters' vectorized <see cref="RateTrainer"/> on data from a <see cref="DataCatalog"/>.</summary>
public sealed class RateTrainingEngine : ITrainingEngine
{
    private readonly DataCatalog _data = new();

    public void Prepare(RunConfig run) => _data.Load(run.Data);

    public ITrainingSession Start(RunConfig run)
    {
        (Dataset train, Dataset validation) = _data.Load(run.Data);
        try
        {
            return new RateSession(new RateTrainer(SpecMapper.Model(run.Model), SpecMapper.Training(run.Training), train, validation), run.Name);
        }
        catch (ArgumentException ex)
        {
            // Shapes that do not fit the data (e.g. 784 inputs for f_k) are bad input, reported before any update.
            throw new UsageException($"run '{run.Name}' cannot start: {ex.Message}");
        }
    }

    public ITrainingSession Restore(RunConfig run, Stream checkpoint)
    {
        (Dataset train, Dataset validation) = _data.Load(run.Data);
        try
        {
            RateTrainer trainer = RateTrainer.ReadCheckpoint(checkpoint, train, validation);
            return new RateSession(trainer, run.Name);
        }
        catch (CheckpointFormatException ex)
        {
            throw new CheckpointUnreadableException(ex.Message, ex);
        }
    }
}

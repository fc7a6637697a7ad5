using NeuroLc.Host.Configuration;

namespace NeuroLc.Host.Training;

/// <summary>Creates and restores <see cref="ITrainingSession"/>s for resolved runs; owns loading their data.</summary>
public interface ITrainingEngine
{
    /// <summary>Loads (and keeps) the data of <paramref name="run"/>, so that missing or corrupt data is reported before a run directory is touched.</summary>
    /// <exception cref="DataUnavailableException">The data is missing or unreadable; the message says how to get it.</exception>
    void Prepare(RunConfig run);

    /// <summary>Starts <paramref name="run"/> from its seeded initial state.</summary>
    /// <exception cref="DataUnavailableException">The run's data is missing or unreadable.</exception>
    ITrainingSession Start(RunConfig run);

    /// <summary>Continues <paramref name="run"/> from a checkpoint written by <see cref="ITrainingSession.WriteCheckpoint"/>.</summary>
    /// <exception cref="CheckpointUnreadableException">The checkpoint is truncated, corrupt or belongs to another run.</exception>
    ITrainingSession Restore(RunConfig run, Stream checkpoint);
}

using System.Diagnostics;
using NeuroLc.Host.Configuration;
using NeuroLc.Host.Progress;
using NeuroLc.Host.Training;

namespace NeuroLc.Host.Runs;

/// <summary>
/// Trains every run of an experiment in its run directory, one after another, continuing each from its newest valid
/// checkpoint. Checkpoints every <see cref="TrainingConfig.CheckpointEvery"/> updates and at each epoch end; when
/// <c>stop</c> is signalled it finishes the current minibatch, checkpoints and returns <see cref="RunOutcome.Interrupted"/>.
/// </summary>
public sealed class ExperimentRunner(ITrainingEngine engine, IProgressReporter progress)
{
    /// <summary>Side of the grid on which f_k probability maps are sampled.</summary>
    public const int MapResolution = 100;

    public RunOutcome Run(RunDirectory directory, CancellationToken stop)
    {
        IReadOnlyList<RunConfig> runs = directory.Experiment.Runs;
        var results = new List<RunResult>();
        for (int i = 0; i < runs.Count; i++)
        {
            RunResult? result = directory.LoadResult(runs[i].Name) ?? TrainRun(directory, runs[i], i, runs.Count, stop);
            if (result is null)
            {
                return RunOutcome.Interrupted;
            }
            results.Add(result);
        }
        directory.WriteSummary(results);
        return RunOutcome.Completed;
    }

    private RunResult? TrainRun(RunDirectory directory, RunConfig run, int index, int count, CancellationToken stop)
    {
        if (stop.IsCancellationRequested)
        {
            return null;
        }
        CheckpointStore store = directory.Checkpoints(run.Name);
        AtomicFile.SweepTemporaries(store.Folder);
        string configHash = CheckpointStore.ConfigHash(run);
        (ITrainingSession session, CheckpointHeader state) = StartOrRestore(store, run, configHash);
        using (session)
        {
            // Rows newer than the checkpoint belong to work that is about to be redone.
            directory.Metrics.Retain(r => r.Run != run.Name || r.Epoch <= state.CompletedEpochs);
            TrainingConfig training = run.Training;
            long totalUpdates = (long)training.Epochs * session.UpdatesPerEpoch;
            if (training.MaxUpdates is { } max)
            {
                totalUpdates = Math.Min(totalUpdates, max);
            }
            progress.RunStarted(run.Name, index, count, session.Updates, totalUpdates, session.BatchSize, session.SynapseCount);
            var clock = Stopwatch.StartNew();
            double elapsedBefore = state.ElapsedSeconds;
            CheckpointHeader Snapshot() => state with { Updates = session.Updates, ElapsedSeconds = elapsedBefore + clock.Elapsed.TotalSeconds };

            EpochReport? last = null;
            while (state.StoppedBy is null && state.CompletedEpochs < training.Epochs)
            {
                while (!Reached(session, training) && session.Step())
                {
                    progress.Stepped(session.Updates);
                    if (stop.IsCancellationRequested)
                    {
                        Save(store, Snapshot(), session);
                        progress.Note($"[{run.Name}] stopped at update {session.Updates}; checkpoint saved, continue with `neurolc resume {directory.Root}`");
                        return null;
                    }
                    if (session.Updates % training.CheckpointEvery == 0)
                    {
                        Save(store, Snapshot(), session);
                    }
                }
                last = session.EndEpoch();
                double error = 1 - last.ValidationAccuracy;
                bool above = training.EarlyStopValidationIncrease is { } tolerance && state.BestValidationError is { } best && error > best + tolerance;
                int epochsAbove = above ? state.EpochsAboveBest + 1 : 0;
                bool early = above && epochsAbove >= (training.EarlyStopPatience ?? 1);
                state = Snapshot() with
                {
                    CompletedEpochs = state.CompletedEpochs + 1,
                    BestValidationError = Math.Min(error, state.BestValidationError ?? double.PositiveInfinity),
                    EpochsAboveBest = epochsAbove,
                    StoppedBy = early ? "early-stop" : Reached(session, training) ? "max-updates" : null,
                };
                directory.Metrics.Append(MetricsRow.From(run.Name, state.CompletedEpochs, last));
                progress.EpochEnded(run.Name, state.CompletedEpochs, training.Epochs, last);
                Save(store, state, session);
                if (stop.IsCancellationRequested && state.StoppedBy is null && state.CompletedEpochs < training.Epochs)
                {
                    progress.Note($"[{run.Name}] stopped after epoch {state.CompletedEpochs}; continue with `neurolc resume {directory.Root}`");
                    return null;
                }
            }
            string stoppedBy = state.StoppedBy ?? "epochs";
            last ??= LastRow(directory, run.Name);
            var result = new RunResult
            {
                Name = run.Name,
                Epochs = state.CompletedEpochs,
                Updates = session.Updates,
                TrainAccuracy = last.TrainAccuracy,
                TrainLoss = last.TrainLoss,
                ValidationAccuracy = last.ValidationAccuracy,
                ValidationLoss = last.ValidationLoss,
                StoppedBy = stoppedBy,
                WallSeconds = Math.Round(elapsedBefore + clock.Elapsed.TotalSeconds, 3),
                WeightsSha256 = session.WeightsSha256(),
                ProbabilityMap = run.Model.LayerSizes[0] == 2 ? SampleMap(session) : null,
            };
            directory.SaveResult(result);
            progress.RunEnded(result);
            return result;
        }
    }

    private (ITrainingSession Session, CheckpointHeader State) StartOrRestore(CheckpointStore store, RunConfig run, string configHash)
    {
        foreach (string file in store.Files())
        {
            try
            {
                (CheckpointHeader header, byte[] payload) = CheckpointStore.Read(file);
                if (header.Run != run.Name || header.ConfigSha256 != configHash)
                {
                    throw new UsageException($"{file} belongs to another run or configuration (run '{header.Run}'); it cannot be resumed with this config.json");
                }
                using var stream = new MemoryStream(payload, writable: false);
                return (engine.Restore(run, stream), header);
            }
            catch (CheckpointUnreadableException ex)
            {
                progress.Note($"warning: skipping checkpoint {ex.Message}; trying the previous one");
            }
        }
        var fresh = new CheckpointHeader { Run = run.Name, ConfigSha256 = configHash, Updates = 0, CompletedEpochs = 0 };
        return (engine.Start(run), fresh);
    }

    private static bool Reached(ITrainingSession session, TrainingConfig training) =>
        training.MaxUpdates is { } max && session.Updates >= max;

    private static void Save(CheckpointStore store, CheckpointHeader header, ITrainingSession session) =>
        store.Save(header with { Updates = session.Updates }, session.WriteCheckpoint);

    /// <summary>The last epoch of a run whose final epoch finished before a restart (the loop then has nothing left to do).</summary>
    private static EpochReport LastRow(RunDirectory directory, string run)
    {
        MetricsRow row = directory.Metrics.Load().Last(r => r.Run == run);
        return new EpochReport(row.Epoch, row.Updates, row.TrainAccuracy, row.TrainLoss, row.ValidationAccuracy, row.ValidationLoss, [], row.AlignmentDegrees, row.Seconds);
    }

    /// <summary>Predicted probabilities on a grid over [−1, 1]², the square on which f_k is defined.</summary>
    private static ProbabilityMap SampleMap(ITrainingSession session)
    {
        var inputs = new float[MapResolution * MapResolution * 2];
        for (int row = 0; row < MapResolution; row++)
        {
            for (int column = 0; column < MapResolution; column++)
            {
                int at = 2 * (row * MapResolution + column);
                inputs[at] = -1f + 2f * (column + 0.5f) / MapResolution;
                inputs[at + 1] = -1f + 2f * (row + 0.5f) / MapResolution;
            }
        }
        return new ProbabilityMap(MapResolution, session.PredictProbabilities(inputs, MapResolution * MapResolution));
    }
}

using NeuroLc.Host.Runs;
using NeuroLc.Host.Training;

namespace NeuroLc.Host.Progress;

/// <summary>Where training progress goes (always stderr: stdout carries data only, DESIGN.md section 10).</summary>
public interface IProgressReporter
{
    /// <summary>Runs <paramref name="body"/>; a live display wraps it, the plain reporters just call it.</summary>
    T Execute<T>(Func<T> body);

    /// <summary>A run starts (or resumes at <paramref name="startUpdates"/>) and will do <paramref name="totalUpdates"/> updates in all.</summary>
    void RunStarted(string run, int index, int count, long startUpdates, long totalUpdates, int batchSize, long synapses);

    /// <summary>One minibatch update is done; reporters decide themselves how often to show it.</summary>
    void Stepped(long updates);

    void EpochEnded(string run, int epoch, int epochs, EpochReport report);

    void RunEnded(RunResult result);

    /// <summary>A warning or note for the user.</summary>
    void Note(string text);
}

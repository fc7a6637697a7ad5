using NeuroLc.Host.Runs;
using NeuroLc.Host.Training;

namespace NeuroLc.Host.Progress;

/// <summary><c>--progress none</c>: nothing but warnings.</summary>
public sealed class SilentProgressReporter(TextWriter warnings) : IProgressReporter
{
    public T Execute<T>(Func<T> body) => body();

    public void RunStarted(string run, int index, int count, long startUpdates, long totalUpdates, int batchSize, long synapses)
    {
    }

    public void Stepped(long updates)
    {
    }

    public void EpochEnded(string run, int epoch, int epochs, EpochReport report)
    {
    }

    public void RunEnded(RunResult result)
    {
    }

    public void Note(string text) => warnings.WriteLine(text);
}

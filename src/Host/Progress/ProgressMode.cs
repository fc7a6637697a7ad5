namespace NeuroLc.Host.Progress;

/// <summary><c>--progress</c>: auto (a live bar on a terminal, text otherwise), none, text or json.</summary>
public enum ProgressMode { Auto, None, Text, Json }

/// <summary>Chooses the <see cref="IProgressReporter"/> for a <see cref="ProgressMode"/>.</summary>
public static class ProgressReporters
{
    public static IProgressReporter Create(ProgressMode mode, TextWriter stderr) => mode switch
    {
        ProgressMode.None => new SilentProgressReporter(stderr),
        ProgressMode.Json => new JsonProgressReporter(stderr, TimeSpan.FromSeconds(2)),
        ProgressMode.Text => new TextProgressReporter(stderr, TimeSpan.FromSeconds(5)),
        _ => Console.IsErrorRedirected
            ? new TextProgressReporter(stderr, TimeSpan.FromSeconds(5))
            : new LiveProgressReporter(stderr),
    };
}

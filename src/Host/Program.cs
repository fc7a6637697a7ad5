using NeuroLc.Host.Cli;

namespace NeuroLc.Host;

/// <summary>The <c>neurolc</c> command-line entry point.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var services = new AppServices(
            () => throw new Training.UsageException("this build has no training engine yet"),
            Console.Out,
            Console.Error);
        return CommandLineApp.Invoke(services, args);
    }
}

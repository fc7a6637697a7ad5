using NeuroLc.Host.Cli;

namespace NeuroLc.Host;

/// <summary>The <c>neurolc</c> command-line entry point.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var services = new AppServices(
            () => new Training.RateTrainingEngine(),
            Console.Out,
            Console.Error);
        return CommandLineApp.Invoke(services, args);
    }
}

using System.CommandLine;

namespace NeuroLc.Host.Cli;

/// <summary>The <c>neurolc</c> command line (System.CommandLine): every verb with <c>--help</c>; exit 0 success, 1 failed run, 2 bad usage.</summary>
public static class CommandLineApp
{
    public static RootCommand Build(AppServices services)
    {
        var root = new RootCommand("neurolc: learning machines whose synapses learn only from what is local to them (Baldi, Sadowski, Lu).")
        {
            RunCommands.Run(services),
            RunCommands.Reproduce(services),
            RunCommands.Resume(services),
            ServeCommand.Create(services),
            ToolCommands.List(services),
            ToolCommands.Plot(services),
            ToolCommands.Config(services),
            SimulatorCommands.Demo(services),
            SimulatorCommands.Theory(services),
            SimulatorCommands.Bench(services),
            AuditCommand.Create(services),
        };
        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>; parse errors exit 2 (System.CommandLine alone would exit 1).</summary>
    public static int Invoke(AppServices services, string[] args)
    {
        RootCommand root = Build(services);
        ParseResult result = root.Parse(args);
        if (result.Errors.Count > 0)
        {
            foreach (System.CommandLine.Parsing.ParseError error in result.Errors)
            {
                services.Error.WriteLine($"error: {error.Message}");
            }
            services.Error.WriteLine("Run `neurolc --help` or `neurolc <verb> --help` for usage.");
            return ExitCodes.BadInput;
        }
        // Our StopSignal handles SIGTERM/SIGINT itself so that a run checkpoints before exiting 0.
        var configuration = new InvocationConfiguration
        {
            Output = services.Output,
            Error = services.Error,
            ProcessTerminationTimeout = null,
        };
        return result.Invoke(configuration);
    }
}

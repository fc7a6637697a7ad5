using NeuroLc.Host.Configuration;
using NeuroLc.Host.Training;

namespace NeuroLc.Host.Cli;

/// <summary>Maps the typed errors of the app to one clear stderr line and an exit code (2 bad input, 1 failed run).</summary>
public static class Guard
{
    public static int Run(TextWriter error, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (ConfigException ex)
        {
            error.WriteLine($"error: {ex.Message}");
            return ExitCodes.BadInput;
        }
        catch (Exception ex) when (ex is UsageException or DataUnavailableException or NeuroLc.Simulator.Theory.TheoryInputException)
        {
            error.WriteLine($"error: {ex.Message}");
            return ExitCodes.BadInput;
        }
        catch (ArgumentException ex)
        {
            // Library entry points (bench, demo) name the bad argument in ArgumentExceptions.
            error.WriteLine($"error: {ex.Message}");
            return ExitCodes.BadInput;
        }
        catch (RunFailedException ex)
        {
            error.WriteLine($"error: run failed: {ex.Message}");
            return ExitCodes.Failed;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: {ex.Message}");
            return ExitCodes.Failed;
        }
    }
}

using System.Globalization;
using System.Text.Json;
using NeuroLc.Host.Runs;
using NeuroLc.Simulator.Theory;

namespace NeuroLc.Host.Cli;

/// <summary>
/// <c>neurolc reproduce theorems</c>: integrates one system per theorem of section 5 (Theorems 2–7 and the
/// non-linear µ system of eq. 132) with the default α = β = 1, writes each result as JSON with its phase plane, and
/// prints one line per system: converged, P_final against α/β, and the largest invariant drift.
/// </summary>
public static class TheoremsReproduction
{
    /// <summary>The systems run, one or two per theorem.</summary>
    public static IReadOnlyList<string> Systems { get; } =
        ["a111", "a111-stdp", "a1111", "a1111-asrbp", "chain:5", "chain-asrbp:5", "a1n1", "an1n", "mu:0.5", "mu:2"];

    public static int Run(AppServices services, string? outFolder)
    {
        string root = outFolder ?? Path.Combine("runs", $"theorems-{DateTime.UtcNow:yyyyMMdd-HHmmss}");
        if (Directory.Exists(root) && Directory.EnumerateFileSystemEntries(root).Any())
        {
            throw new Training.UsageException($"{root} is not empty; choose another --out");
        }
        Directory.CreateDirectory(Path.Combine(root, "plots"));
        services.Error.WriteLine($"run directory: {root}");
        services.Output.WriteLine("system\tconverged\tP_final\talpha_over_beta\tmax_invariant_drift");
        foreach (string system in Systems)
        {
            TheoryResult result = TheoryRunner.Run(TheoryRequest.Parse(system, null, null, null, null, null));
            string name = SimulatorCommands.FileSafe(system);
            AtomicFile.WriteAllText(Path.Combine(root, name + ".json"), result.ToJson() + "\n");
            SimulatorCommands.WritePhasePlane(system, result, Path.Combine(root, "plots", name + ".png"), services.Error);
            using JsonDocument json = JsonDocument.Parse(result.ToJson());
            services.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{system}\t{result.Converged}\t{json.RootElement.GetProperty("P_final")}\t{json.RootElement.GetProperty("alpha_over_beta")}\t{json.RootElement.GetProperty("max_invariant_drift")}"));
        }
        return ExitCodes.Success;
    }
}

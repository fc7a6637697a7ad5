using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using NeuroLc.Host.Plots;
using NeuroLc.RateAdapters.Benchmarks;
using NeuroLc.Simulator.Demo;
using NeuroLc.Simulator.Theory;

namespace NeuroLc.Host.Cli;

/// <summary>The verbs of the other engines' issues: <c>demo</c> (cell engine), <c>theory</c> (ODE systems of section 5) and <c>bench rate</c>.</summary>
public static class SimulatorCommands
{
    public static Command Demo(AppServices services)
    {
        var seed = new Option<int>("--seed") { Description = "Seed of the network and the data.", DefaultValueFactory = _ => 1 };
        var epochs = new Option<int>("--epochs") { Description = "Training epochs.", DefaultValueFactory = _ => 30 };
        var command = new Command("demo", "Cell engine: forward cells plus a separate learning channel learn f_1 with explicit-error SRBP, under the locality audit.") { seed, epochs };
        command.SetAction(result => CellEngineDemo.Run(services.Output, result.GetValue(seed), result.GetValue(epochs)));
        return command;
    }

    public static Command Theory(AppServices services)
    {
        var system = new Argument<string>("system") { Description = "One of: " + string.Join(", ", SystemCatalog.KnownNames) + "." };
        var init = new Option<string?>("--init") { Description = "Initial condition naming every variable, e.g. a1=0.1,a2=0.2,c1=-0.3 (default: seeded random)." };
        var alpha = new Option<double?>("--alpha") { Description = "alpha = E(IT) (default 1)." };
        var beta = new Option<double?>("--beta") { Description = "beta = E(I^2) > 0 (default 1)." };
        var tEnd = new Option<double?>("--t-end") { Description = "End time of the integration (default 1000)." };
        var n = new Option<int?>("--n") { Description = "Width N of a1n1 / an1n (default 3)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object (system, final, converged, P_final, alpha_over_beta, max_invariant_drift) and no plot." };
        var plot = new Option<string?>("--plot") { Description = "Where to write the phase-plane PNG without --json (default theory-<system>.png)." };
        var command = new Command("theory", "Integrate one of the ODE systems of Theorems 2-7 and check convergence and its invariants.")
        {
            system, init, alpha, beta, tEnd, n, json, plot,
        };
        command.SetAction(result => Guard.Run(services.Error, () =>
        {
            string name = result.GetValue(system)!;
            TheoryResult outcome = TheoryRunner.Run(TheoryRequest.Parse(name, result.GetValue(init), result.GetValue(alpha), result.GetValue(beta), result.GetValue(tEnd), result.GetValue(n)));
            if (result.GetValue(json))
            {
                services.Output.WriteLine(outcome.ToJson());
                return ExitCodes.Success;
            }
            services.Output.WriteLine(outcome.ToSummary());
            string path = result.GetValue(plot) ?? $"theory-{FileSafe(name)}.png";
            WritePhasePlane(name, outcome, path, services.Error);
            return ExitCodes.Success;
        }));
        return command;
    }

    public static Command Bench(AppServices services)
    {
        var network = new Option<string>("--network") { Description = "fig7 (784-100x4-10 tanh) or fig12 (2-500x5-1 ReLU).", DefaultValueFactory = _ => "fig7" };
        network.AcceptOnlyFromAmong("fig7", "fig12");
        var algorithm = new Option<NeuroLc.RateAdapters.Training.Algorithm>("--algorithm") { Description = "BP, RBP or SRBP.", DefaultValueFactory = _ => NeuroLc.RateAdapters.Training.Algorithm.BP };
        var examples = new Option<int>("--examples") { Description = "Training examples to time.", DefaultValueFactory = _ => 60_000 };
        var seed = new Option<ulong>("--seed") { Description = "Seed of weights and data.", DefaultValueFactory = _ => 1 };
        var threads = new Option<int>("--threads") { Description = "Threads of the product engine (1 or 2).", DefaultValueFactory = _ => 2 };
        var json = new Option<bool>("--json") { Description = "Print the result as one JSON object." };
        var rate = new Command("rate", "Time training of the rate adapters: seconds, synapse-updates/s, GFLOP/s.") { network, algorithm, examples, seed, threads, json };
        rate.SetAction(result => Guard.Run(services.Error, () =>
        {
            RateBenchResult bench = RateBench.Run(result.GetValue(network)!, result.GetValue(algorithm), result.GetValue(examples), result.GetValue(seed), result.GetValue(threads));
            services.Output.WriteLine(result.GetValue(json)
                ? JsonSerializer.Serialize(bench, new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower })
                : string.Create(CultureInfo.InvariantCulture,
                    $"{bench.Network} {bench.Algorithm} threads={bench.Threads}: {bench.Examples} examples in {bench.Seconds:F3} s, {bench.SynapseUpdatesPerSecond:E3} synapse-updates/s, {bench.SecondsPer60000Examples:F3} s per 60,000 examples{(bench.Gflops is { } g ? $", {g:F2} GFLOP/s" : "")}"));
            return ExitCodes.Success;
        }));
        return new Command("bench", "Short benchmarks of the engines (BenchmarkDotNet suites live in bench/).") { rate };
    }

    /// <summary>Renders a theory run's phase plane; missing fonts are a warning because the numbers are already printed.</summary>
    public static void WritePhasePlane(string system, TheoryResult outcome, string path, TextWriter error)
    {
        try
        {
            PhasePlanePlot.Render(system, outcome.Trajectory.VariableNames, outcome.Trajectory.Times, outcome.Trajectory.States, path);
            error.WriteLine($"plot: {path}");
        }
        catch (Exception ex) when (ex is TypeInitializationException or DllNotFoundException)
        {
            error.WriteLine($"warning: phase plane not written ({ex.GetBaseException().Message}); install fonts-dejavu-core and libfontconfig1");
        }
    }

    public static string FileSafe(string name) => string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '.' ? c : '_'));
}

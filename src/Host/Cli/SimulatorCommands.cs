using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using NeuroLc.Host.Plots;
using NeuroLc.RateAdapters.Benchmarks;
using NeuroLc.Simulator.Demo;
using NeuroLc.Simulator.Theory;

namespace NeuroLc.Host.Cli;

/// <summary>The verbs of the other engines' issues: <c>demo</c> (cell engine), <c>theory</c> (ODE systems of section 5), <c>bench rate</c> and <c>bench sgemm</c>.</summary>
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
        var repeats = new Option<int>("--repeats")
        {
            Description = "Timed runs of --examples each, one after the other on the same network (after the warm-up); reports their median, as the peers' scripts do.",
            DefaultValueFactory = _ => 1,
        };
        repeats.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--repeats must be at least 1.");
            }
        });
        var peak = new Option<bool>("--peak")
        {
            Description = "Read the FMA peak of the same threads for 15 ms after every 10 steps (not timed) and report the run's share of it.",
        };
        var rate = new Command("rate", "Time training of the rate adapters: seconds, synapse-updates/s, GFLOP/s.") { network, algorithm, examples, seed, threads, repeats, peak, json };
        rate.SetAction(result => Guard.Run(services.Error, () =>
        {
            if (result.GetValue(peak) && !FmaPeak.IsSupported)
            {
                throw new NeuroLc.Host.Training.UsageException("--peak: this machine has no 512-bit or 256-bit FMA instructions to measure.");
            }

            RateBenchResult bench = RateBench.Run(result.GetValue(network)!, result.GetValue(algorithm), result.GetValue(examples), result.GetValue(seed),
                result.GetValue(threads), result.GetValue(peak), result.GetValue(repeats));
            services.Output.WriteLine(result.GetValue(json)
                ? JsonSerializer.Serialize(bench, new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower })
                : string.Create(CultureInfo.InvariantCulture,
                    $"{bench.Network} {bench.Algorithm} threads={bench.Threads}: {bench.Examples} examples in {bench.Seconds:F3} s{(bench.SecondsAll is { Count: > 1 } all ? $" (median of {all.Count}: {string.Join(" ", all.Select(x => x.ToString("F3", CultureInfo.InvariantCulture)))})" : "")}, {bench.SynapseUpdatesPerSecond:E3} synapse-updates/s, {bench.SecondsPer60000Examples:F3} s per 60,000 examples{(bench.Gflops is { } g ? $", {g:F2} GFLOP/s" : "")}{(bench.PeakGflops is { } p ? $", FMA peak between slices {p:F1} GFLOP/s{(bench.ShareOfPeak is { } share ? $" ({100 * share:F1} % of it)" : "")}" : "")}"));
            return ExitCodes.Success;
        }));
        return new Command("bench", "Short benchmarks of the engines (BenchmarkDotNet suites live in bench/).") { rate, Sgemm(services) };
    }

    /// <summary>
    /// <c>bench sgemm</c>: the product engine at the paper's layer shapes, timed as bench/sgemm_peer.py times OpenBLAS;
    /// with <c>--peer openblas</c> the peer is loaded into the process and its trials alternate with ours.
    /// </summary>
    private static Command Sgemm(AppServices services)
    {
        var shapes = new Option<string>("--shapes") { Description = "fig7, fig12, large (1000^3) or all.", DefaultValueFactory = _ => "all" };
        shapes.AcceptOnlyFromAmong("fig7", "fig12", "large", "all");
        var threads = new Option<int>("--threads") { Description = "Threads of the product engine and of the peer (1 or 2).", DefaultValueFactory = _ => 1 };
        threads.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is not (1 or 2))
            {
                result.AddError("--threads must be 1 or 2.");
            }
        });
        var peer = new Option<string>("--peer") { Description = "none, or openblas: time OpenBLAS's cblas_sgemm in this process, in trials taken in turn with ours.", DefaultValueFactory = _ => "none" };
        peer.AcceptOnlyFromAmong("none", "openblas");
        var library = new Option<string>("--openblas") { Description = "Path of the OpenBLAS library for --peer openblas.", DefaultValueFactory = _ => OpenBlasPeer.DefaultPath };
        var quick = new Option<bool>("--quick") { Description = "A tenth of the calls per trial (a check, not a measurement)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON array, one object per shape." };
        var command = new Command("sgemm", "Time the SGEMM engine at the layer shapes of Figures 7 and 12, optionally against OpenBLAS in the same process.")
        {
            shapes, threads, peer, library, quick, json,
        };
        command.SetAction(result => Guard.Run(services.Error, () =>
        {
            int threadCount = result.GetValue(threads);
            OpenBlasPeer? openBlas = result.GetValue(peer) == "openblas" ? LoadPeer(result.GetValue(library)!, threadCount) : null;
            IReadOnlyList<SgemmBenchResult> timed;
            try
            {
                timed = SgemmBench.Run(SgemmBench.ShapesOf(result.GetValue(shapes)!), threadCount, result.GetValue(quick) ? 0.1 : 1.0, openBlas);
            }
            catch (InvalidOperationException ex)
            {
                throw new NeuroLc.Host.Training.RunFailedException(ex.Message, ex);
            }

            if (result.GetValue(json))
            {
                services.Output.WriteLine(JsonSerializer.Serialize(timed, new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower }));
                return ExitCodes.Success;
            }

            services.Output.WriteLine($"threads={threadCount} engine=NeuroLc Sgemm{(openBlas is null ? "" : $", peer={openBlas.Description} (trials in turn)")}");
            foreach (SgemmBenchResult r in timed)
            {
                services.Output.WriteLine(SgemmLine(r));
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static OpenBlasPeer LoadPeer(string path, int threads)
    {
        try
        {
            return OpenBlasPeer.Load(path, threads);
        }
        catch (FileNotFoundException ex)
        {
            throw new NeuroLc.Host.Training.UsageException($"--openblas: {ex.Message}");
        }
    }

    private static string SgemmLine(SgemmBenchResult r)
    {
        // Three trials are listed; more (in turn with the peer) are summed up by their range.
        static string Trials(IReadOnlyList<double> rates) => rates.Count <= 3
            ? "trials " + string.Join(", ", rates.Select(g => g.ToString("F1", CultureInfo.InvariantCulture)))
            : string.Create(CultureInfo.InvariantCulture, $"{rates.Count} trials {rates.Min():F1}–{rates.Max():F1}");
        string ours = string.Create(CultureInfo.InvariantCulture,
            $"{r.Name,-26} {r.MicrosecondsPerCall,9:F1} us/call  {r.Gflops,7:F1} GFLOP/s  ({Trials(r.TrialGflops)})");
        return r.PeerMicrosecondsPerCall is not { } peerMicroseconds
            ? ours
            : ours + string.Create(CultureInfo.InvariantCulture,
                $"  | peer {peerMicroseconds,9:F1} us/call  {r.PeerGflops,7:F1} GFLOP/s  ({Trials(r.PeerTrialGflops!)})  ours {r.Speedup:F2}x");
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

using System.Diagnostics;
using System.Globalization;
using NeuroLc.Channels.Graph;
using NeuroLc.Neurons;
using NeuroLc.Simulator.Locality;
using NeuroLc.Simulator.Training;
using NeuroLc.Synapses;

namespace NeuroLc.Simulator.Demo;

/// <summary>
/// The main job until the experiments land (<c>neurolc demo</c>): a network of forward cells plus a separate
/// learning channel (Distinct: linear learning-channel cells fed by a fixed random skip projection from the output,
/// lateral random C′ synapses onto the hidden cells) learns the synthetic task f_1 with explicit-error SRBP
/// (eq. 11), in audit mode. Prints the learning curve and the locality audit.
/// </summary>
public static class CellEngineDemo
{
    /// <summary>Runs the demo. Returns 0 on success, 1 if the audit found a violation, 2 on bad arguments.</summary>
    public static int Run(TextWriter output, int seed, int epochs)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (epochs < 1)
        {
            output.WriteLine($"demo: epochs must be ≥ 1, was {epochs}");
            return 2;
        }

        if (seed < 0)
        {
            output.WriteLine($"demo: seed must be ≥ 0, was {seed}");
            return 2;
        }

        ulong s = (ulong)seed;
        NetworkGraph graph = DemoNetworks.Distinct(2, [30, 30], 1, 10, PlasticitySpec.ExplicitError, s,
            feedbackScale: 0.5, hiddenTransfer: TransferFunction.Relu);
        var options = new EngineOptions { LearningRate = 0.1f, LearningRateDecay = 1e-4, Mode = PresentationMode.ExplicitError, Seed = s, Audit = true };
        var engine = new CellEngine(graph, options);
        Dataset train = SyntheticTasks.F(1, 2000, s * 2 + 1);
        Dataset test = SyntheticTasks.F(1, 1000, s * 2 + 2);

        WriteHeader(output, graph, engine, seed, epochs);
        var clock = Stopwatch.StartNew();
        output.WriteLine("epoch,train_accuracy,heldout_accuracy,seconds");
        output.WriteLine(Row(0, Evaluation.Accuracy(engine, train), Evaluation.Accuracy(engine, test), 0));
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            Trainer.RunEpoch(engine, train, s, epoch);
            output.WriteLine(Row(epoch, Evaluation.Accuracy(engine, train), Evaluation.Accuracy(engine, test), clock.Elapsed.TotalSeconds));
        }

        AuditReport audit = engine.Audit!;
        output.WriteLine($"# {audit}");
        output.WriteLine($"# steps simulated: {engine.StepCount}, synapse updates: {audit.Updates}, " +
            $"{audit.Updates / Math.Max(clock.Elapsed.TotalSeconds, 1e-9):E2} synapse-updates/s (audit mode, evaluation included)");
        foreach (string violation in audit.Violations.Take(10))
        {
            output.WriteLine($"# {violation}");
        }

        output.WriteLine(audit.Violations.Count == 0 ? "# locality: PASS (every read was local)" : "# locality: FAIL");
        return audit.Violations.Count == 0 ? 0 : 1;
    }

    private static void WriteHeader(TextWriter output, NetworkGraph graph, CellEngine engine, int seed, int epochs)
    {
        output.WriteLine("# NeuroLc cell engine demo: task f_1 = g∘t, g(x) = sign(1 − ‖x‖²), t(x) = [1 − 2x₁², 1 − 2x₂²]");
        output.WriteLine($"# seed {seed}, {epochs} epochs of 2000 examples (online), 1000 held-out points; explicit-error SRBP (eq. 11)");
        foreach (PopulationSpec p in graph.Populations)
        {
            output.WriteLine($"# population {p.Name}: {p.Size} {p.Transfer} cells, {p.Channel} channel, {p.Role}");
        }

        foreach (ProjectionSpec p in graph.Projections)
        {
            output.WriteLine($"# projection {p.Name}: {p.Kind}, {engine.Block(p.Name).Count} synapses, rule {p.Rule}");
        }
    }

    private static string Row(int epoch, double trainAccuracy, double testAccuracy, double seconds)
        => string.Create(CultureInfo.InvariantCulture, $"{epoch},{trainAccuracy:F4},{testAccuracy:F4},{seconds:F2}");
}

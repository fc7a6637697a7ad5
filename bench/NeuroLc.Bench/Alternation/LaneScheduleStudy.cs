using NeuroLc.RateAdapters.Benchmarks;
using NeuroLc.RateAdapters.Training;

namespace NeuroLc.Bench.Alternation;

/// <summary>
/// <c>dotnet run -c Release --project bench/NeuroLc.Bench -- alternate lane-schedule [--slowed-core] [rounds]</c>:
/// two-lane steps with each W^h update started as soon as its layer is free (session Q) against every update after
/// the whole rows phase, for Figure 7's and Figure 12's networks and BP, RBP, SRBP, in alternating blocks of 20 steps
/// (<see cref="AlternatingSteps"/>); with <c>--slowed-core</c> while a low-priority busy loop holds the last CPU
/// (<see cref="SlowedCore"/>). Prints one line per case: quartiles and medians of both, and the paired median ratio.
/// </summary>
internal static class LaneScheduleStudy
{
    private const int BlockSteps = 20;

    /// <summary>Runs the study; returns the process exit code.</summary>
    public static int Run(string[] args)
    {
        bool slowed = args.Contains("--slowed-core");
        string? roundsArgument = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
        int rounds = 40;
        if (roundsArgument is not null && (!int.TryParse(roundsArgument, out rounds) || rounds < 4))
        {
            Console.Error.WriteLine($"alternate lane-schedule: rounds must be a whole number of at least 4, not '{roundsArgument}'.");
            return 2;
        }

        using SlowedCore? core = slowed ? new SlowedCore() : null;
        Console.WriteLine($"lane schedule, {rounds} pairs of {BlockSteps}-step blocks{(slowed ? ", one core slowed" : "")}: by layer vs after all rows, µs per step");
        foreach (int figure in new[] { 7, 12 })
        {
            foreach (Algorithm algorithm in new[] { Algorithm.BP, Algorithm.RBP, Algorithm.SRBP })
            {
                using RateNetwork byLayer = Build(figure, algorithm, byLayer: true);
                using RateNetwork afterRows = Build(figure, algorithm, byLayer: false);
                AlternatingSteps.Result result = AlternatingSteps.Run(byLayer, afterRows, figure == 7 ? 0.1f : 0.01f, BlockSteps, rounds);
                Console.WriteLine(
                    $"fig{figure} {algorithm,-4}  by layer q1 {Q(result.First, 0.25),7:F0} med {Q(result.First, 0.5),7:F0}"
                    + $" | after all rows q1 {Q(result.Second, 0.25),7:F0} med {Q(result.Second, 0.5),7:F0}"
                    + $" | paired median ratio {result.PairedMedian:F3}");
            }
        }

        return 0;
    }

    private static double Q(double[] values, double q) => AlternatingSteps.Result.Quantile(values, q);

    private static RateNetwork Build(int figure, Algorithm algorithm, bool byLayer)
    {
        ModelSpec model = figure == 7 ? RateBench.Figure7Model(algorithm) : RateBench.Figure12Model(algorithm);
        RateNetwork.UpdatesByLayerReadiness = byLayer;
        RateNetwork network;
        try
        {
            network = new RateNetwork(model, 100, 1, 2, 0f);
        }
        finally
        {
            RateNetwork.UpdatesByLayerReadiness = true;
        }

        var random = new Random(1);
        Span<float> input = network.InputBuffer;
        for (int i = 0; i < input.Length; i++)
        {
            input[i] = (float)((random.NextDouble() * 2) - 1);
        }

        int outputs = model.LayerSizes[^1];
        Span<float> target = network.TargetBuffer;
        for (int r = 0; r < 100; r++)
        {
            target[(r * outputs) + (outputs == 1 ? 0 : random.Next(outputs))] = outputs == 1 ? random.Next(2) : 1f;
        }

        return network;
    }
}

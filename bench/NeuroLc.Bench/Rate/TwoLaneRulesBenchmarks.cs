using BenchmarkDotNet.Attributes;
using NeuroLc.RateAdapters.Training;

namespace NeuroLc.Bench.Rate;

/// <summary>
/// Ten training steps of Figure 13/14's HIGGS network (21-300×8-1, tanh, logistic output, momentum 0.9, batch 100) for
/// the rules and architectures that ran each product split in two before session O: one thread (the baseline) against
/// two threads, which now run them as two lanes. The Ratio column is two threads over one; the weights are the same.
/// </summary>
[Config(typeof(ShortRateJob))]
public class TwoLaneRulesBenchmarks
{
    private const int Steps = 10;
    private RateNetwork _oneThread = null!;
    private RateNetwork _twoThreads = null!;

    /// <summary>"arbp-hebbian", "asrbp-stdp" or "distinct-rbp-300".</summary>
    [Params("arbp-hebbian", "asrbp-stdp", "distinct-rbp-300")]
    public string Configuration { get; set; } = "";

    /// <summary>A network for each thread count, seeded alike, on the same random minibatch.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _oneThread = Build(1);
        _twoThreads = Build(2);
    }

    /// <summary>Ten steps on one thread.</summary>
    [Benchmark(Baseline = true)]
    public void OneThread() => TenSteps(_oneThread);

    /// <summary>Ten steps on two threads (two lanes).</summary>
    [Benchmark]
    public void TwoThreads() => TenSteps(_twoThreads);

    /// <summary>Stops the networks' worker threads.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _oneThread.Dispose();
        _twoThreads.Dispose();
    }

    private static void TenSteps(RateNetwork network)
    {
        for (int i = 0; i < Steps; i++)
        {
            network.TrainStep(100, 0.0003f, i, out _);
        }
    }

    private RateNetwork Build(int threads)
    {
        bool distinct = Configuration.StartsWith("distinct", StringComparison.Ordinal);
        var model = new ModelSpec
        {
            LayerSizes = [21, 300, 300, 300, 300, 300, 300, 300, 300, 1],
            Hidden = Activation.Tanh,
            Output = OutputKind.Logistic,
            Algorithm = Configuration.StartsWith("asrbp", StringComparison.Ordinal) ? Algorithm.SRBP : Algorithm.RBP,
            LearningChannelRule = Configuration.Contains("hebbian") ? LearningChannelRule.Hebbian
                : Configuration.Contains("stdp") ? LearningChannelRule.Stdp : LearningChannelRule.Fixed,
            Architecture = distinct ? ChannelArchitecture.Distinct : ChannelArchitecture.Conjoined,
            LearningChannelWidths = distinct ? [300, 300, 300, 300, 300, 300, 300, 300] : null,
            LearningChannelActivation = distinct ? Activation.Tanh : Activation.Identity,
            LearningChannelInitStd = distinct ? 0.0408 : null,
        };
        var network = new RateNetwork(model, 100, 1, threads, 0.9f);
        var random = new Random(1);
        Span<float> input = network.InputBuffer;
        for (int i = 0; i < input.Length; i++)
        {
            input[i] = (float)random.NextDouble();
        }

        Span<float> target = network.TargetBuffer;
        for (int i = 0; i < 100; i++)
        {
            target[i] = random.Next(2);
        }

        return network;
    }
}

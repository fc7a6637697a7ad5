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
    public void OneThread() => HiggsNetworks.Train(_oneThread, Steps, 0.0003f);

    /// <summary>Ten steps on two threads (two lanes).</summary>
    [Benchmark]
    public void TwoThreads() => HiggsNetworks.Train(_twoThreads, Steps, 0.0003f);

    /// <summary>Stops the networks' worker threads.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _oneThread.Dispose();
        _twoThreads.Dispose();
    }

    private RateNetwork Build(int threads)
    {
        bool distinct = Configuration.StartsWith("distinct", StringComparison.Ordinal);
        var model = new ModelSpec
        {
            LayerSizes = HiggsNetworks.LayerSizes,
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
        return HiggsNetworks.Seeded(model, threads);
    }
}

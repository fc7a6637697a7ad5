using NeuroLc.RateAdapters.Training;

namespace NeuroLc.RateAdapters.Tests.Training;

/// <summary>The fast path against the naive double-precision reference, 5 updates on small networks.</summary>
public sealed class ReferenceEquivalenceTests
{
    public static TheoryData<string> Cases => new()
    {
        "bp", "rbp", "srbp", "bp-lctanh", "rbp-lctanh", "srbp-lctanh", "rbp-hebbian", "srbp-hebbian-lctanh",
        "rbp-stdp", "srbp-stdp", "rbp-distinct", "srbp-distinct-tanh", "rbp-distinct-hebbian-A", "srbp-distinct-hebbian",
        "bp-momentum", "srbp-logistic-relu", "linear-bp", "rbp-uniform-lcstd",
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Weights_after_five_updates_match_the_reference(string name)
    {
        ModelSpec model = Model(name);
        float momentum = name.Contains("momentum") ? 0.9f : 0f;
        int inputs = model.LayerSizes[0];
        int outputs = model.LayerSizes[^1];
        const int batch = 8;
        Dataset data = Data(batch, inputs, outputs, model.Output);
        var training = new TrainingSpec { BatchSize = batch, LearningRate = 0.3f, Momentum = momentum, Seed = 5, Threads = 1 };
        using var trainer = new RateTrainer(model, training, data, null);
        var reference = new ReferenceNetwork(model, trainer);
        double[][] x = Rows(data.Inputs, inputs);
        double[][] t = Rows(data.Targets, outputs);
        for (int step = 0; step < 5; step++)
        {
            Assert.True(trainer.Step());
            trainer.EndEpoch();
            reference.Step(x, t, 0.3, momentum);
        }

        AssertMatches(name, trainer, reference);
    }

    [Theory]
    [InlineData("rbp", 1)]
    [InlineData("rbp", 2)]
    [InlineData("srbp-lctanh", 1)]
    [InlineData("srbp-lctanh", 2)]
    public void A_fixed_learning_channel_rewritten_between_steps_is_read_afresh(string name, int threads)
    {
        // A fixed C^h is packed once for the learning-channel product; whoever writes its values marks the packed copy
        // stale (as a checkpoint read does), and the next step must then use the new values, on one lane or two.
        ModelSpec model = Model(name);
        const int batch = 8;
        Dataset data = Data(batch, model.LayerSizes[0], model.LayerSizes[^1], model.Output);
        var training = new TrainingSpec { BatchSize = batch, LearningRate = 0.3f, Seed = 5, Threads = threads };
        using var trainer = new RateTrainer(model, training, data, null);
        Assert.True(trainer.Step());
        trainer.EndEpoch();
        foreach (var c in trainer.Network.Parameters().Where(p => p.Channel == "learning"))
        {
            for (int i = 0; i < c.Rows * c.Cols; i++)
            {
                c.Values[i] *= -1.5f;
            }

            c.PanelsCurrent = false;
        }

        var reference = new ReferenceNetwork(model, trainer);
        double[][] x = Rows(data.Inputs, model.LayerSizes[0]);
        double[][] t = Rows(data.Targets, model.LayerSizes[^1]);
        for (int step = 0; step < 5; step++)
        {
            Assert.True(trainer.Step());
            trainer.EndEpoch();
            reference.Step(x, t, 0.3, 0);
        }

        AssertMatches($"{name}, {threads} threads", trainer, reference);
    }

    /// <summary>Every weight and bias within 1e-4 of the largest reference value of its matrix.</summary>
    private static void AssertMatches(string what, RateTrainer trainer, ReferenceNetwork reference)
    {
        foreach (var p in trainer.Network.Parameters())
        {
            double[] expected = reference.Matrix(ReferenceNetwork.Key(p.Layer, p.Channel, p.IsBias));
            double scale = expected.Select(Math.Abs).DefaultIfEmpty(0).Max() + 1e-3;
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.True(Math.Abs(p.Values[i] - expected[i]) <= 1e-4 * scale,
                    $"{what}: layer {p.Layer} {p.Channel}{(p.IsBias ? " bias" : string.Empty)} [{i}] = {p.Values[i]}, reference {expected[i]}");
            }
        }
    }

    internal static ModelSpec Model(string name)
    {
        Algorithm algorithm = name.StartsWith("srbp") ? Algorithm.SRBP : name.StartsWith("rbp") ? Algorithm.RBP : Algorithm.BP;
        bool distinct = name.Contains("distinct");
        return new ModelSpec
        {
            LayerSizes = name.Contains("logistic") ? [5, 9, 7, 1] : [5, 9, 7, 6, 3],
            Hidden = name.Contains("relu") ? Activation.Relu : name.StartsWith("linear") ? Activation.Identity : Activation.Tanh,
            Output = name.Contains("logistic") ? OutputKind.Logistic : OutputKind.Softmax,
            Algorithm = algorithm,
            Architecture = distinct ? ChannelArchitecture.Distinct : ChannelArchitecture.Conjoined,
            LearningChannelWidths = distinct ? (name.Contains("logistic") ? [4, 2] : [4, 1, 5]) : null,
            LateralA = name.EndsWith("-A"),
            LearningChannelActivation = name.Contains("lctanh") || name.Contains("tanh") ? Activation.Tanh : Activation.Identity,
            LearningChannelRule = name.Contains("hebbian") ? LearningChannelRule.Hebbian : name.Contains("stdp") ? LearningChannelRule.Stdp : LearningChannelRule.Fixed,
            Init = name.Contains("uniform") ? InitKind.GlorotUniform : InitKind.GlorotNormal,
            LearningChannelInitStd = name.Contains("lcstd") ? 0.2 : null,
        };
    }

    internal static Dataset Data(int count, int inputs, int outputs, OutputKind output)
    {
        var rng = new Random(17);
        float[] x = Enumerable.Range(0, count * inputs).Select(_ => (float)((rng.NextDouble() * 2) - 1)).ToArray();
        var labels = Enumerable.Range(0, count).Select(i => (byte)(i % Math.Max(2, outputs))).ToArray();
        return output == OutputKind.Logistic
            ? Dataset.FromLabels("reference", x, inputs, labels, 2, binarySingleOutput: true)
            : Dataset.FromLabels("reference", x, inputs, labels, outputs);
    }

    private static double[][] Rows(float[] values, int width) =>
        Enumerable.Range(0, values.Length / width).Select(r => values.Skip(r * width).Take(width).Select(v => (double)v).ToArray()).ToArray();
}

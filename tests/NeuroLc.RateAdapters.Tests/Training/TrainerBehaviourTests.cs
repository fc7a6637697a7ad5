using System.Numerics.Tensors;
using NeuroLc.RateAdapters.Kernels;
using NeuroLc.RateAdapters.Training;

namespace NeuroLc.RateAdapters.Tests.Training;

public sealed class TrainerBehaviourTests
{
    private static readonly ModelSpec Small = new() { LayerSizes = [5, 9, 7, 6, 3], Algorithm = Algorithm.RBP, DropoutForward = 0.2, DropoutLearningChannel = 0.1 };

    [Theory]
    [InlineData("bp")]
    [InlineData("srbp-hebbian-lctanh")]
    [InlineData("rbp-distinct-hebbian-A")]
    public void Same_seed_gives_identical_weights_for_one_and_two_threads(string name)
    {
        ModelSpec model = ReferenceEquivalenceTests.Model(name) with { DropoutForward = 0.1 };
        Dataset data = ReferenceEquivalenceTests.Data(64, 5, model.LayerSizes[^1], model.Output);
        Assert.Equal(Train(model, data, threads: 1, steps: 20), Train(model, data, threads: 2, steps: 20));
    }

    [Fact]
    public void Wide_layers_use_both_threads_and_still_agree()
    {
        var model = new ModelSpec { LayerSizes = [64, 300, 200, 10], Algorithm = Algorithm.SRBP };
        Dataset data = ReferenceEquivalenceTests.Data(200, 64, 10, OutputKind.Softmax);
        Assert.Equal(Train(model, data, 1, 6, batch: 100), Train(model, data, 2, 6, batch: 100));
    }

    [Theory]
    [InlineData(Algorithm.BP, false, false, LearningChannelRule.Fixed)]
    [InlineData(Algorithm.RBP, true, false, LearningChannelRule.Fixed)]
    [InlineData(Algorithm.SRBP, false, false, LearningChannelRule.Fixed)]
    [InlineData(Algorithm.BP, false, true, LearningChannelRule.Fixed)]
    [InlineData(Algorithm.RBP, true, false, LearningChannelRule.Hebbian)]
    [InlineData(Algorithm.SRBP, false, true, LearningChannelRule.Hebbian)]
    [InlineData(Algorithm.RBP, true, false, LearningChannelRule.Stdp)]
    [InlineData(Algorithm.SRBP, false, true, LearningChannelRule.Stdp)]
    [InlineData(Algorithm.RBP, false, false, LearningChannelRule.Stdp, true)]
    public void The_two_lane_step_gives_the_bits_of_one_thread(Algorithm algorithm, bool lcTanh, bool logistic, LearningChannelRule rule,
        bool freePhases = false)
    {
        // On two threads each lane takes half the rows forward and down the learning channel, then both claim the
        // updates, the first layer's in row chunks (RateNetwork.TwoLanes.cs): 250 input rows are three chunks and a
        // ragged end, with momentum and dropout in both channels; the 33-row batch splits into 20 + 13 rows. An
        // adaptive channel's C matrices (ARBP, ASRBP; Hebbian with lc-tanh's post term, or STDP, whose two phases each
        // lane runs for its rows) are tasks of the same list. With the free phases (eq. 32, no forward dropout) W's
        // update reads the free phase's O₁ and C's the output.
        var model = new ModelSpec
        {
            LayerSizes = [250, 40, 30, 20, logistic ? 1 : 10],
            Algorithm = algorithm,
            LearningChannelRule = rule,
            StdpForwardPhase = freePhases ? StdpForwardPhase.Free : StdpForwardPhase.Forward,
            StdpChannelPhase = freePhases ? StdpChannelPhase.Free : StdpChannelPhase.Clamped,
            Hidden = logistic ? Activation.Relu : Activation.Tanh,
            Output = logistic ? OutputKind.Logistic : OutputKind.Softmax,
            LearningChannelActivation = lcTanh ? Activation.Tanh : Activation.Identity,
            DropoutForward = freePhases ? 0 : 0.1,
            DropoutLearningChannel = 0.1,
        };
        Dataset data = ReferenceEquivalenceTests.Data(99, 250, model.LayerSizes[^1], model.Output);
        var one = TrainWithMetrics(model, data, 1, 7, batch: 33);
        Assert.Equal(one, TrainWithMetrics(model, data, 2, 7, batch: 33));
        Assert.True(one.ValidationLoss > 0);
        Assert.NotEqual(one.Weights, Train(model, data, 1, 6, batch: 33));
    }

    [Theory]
    [InlineData(Algorithm.RBP, LearningChannelRule.Fixed, false, true)]
    [InlineData(Algorithm.SRBP, LearningChannelRule.Fixed, false, false)]
    [InlineData(Algorithm.RBP, LearningChannelRule.Hebbian, true, true)]
    [InlineData(Algorithm.SRBP, LearningChannelRule.Hebbian, false, true)]
    public void The_two_lane_step_of_a_Distinct_channel_gives_the_bits_of_one_thread(Algorithm algorithm, LearningChannelRule rule, bool lateralA, bool lcTanh)
    {
        // A Distinct channel on two lanes: each lane computes its rows of λ^h (chained or skipped), of the A′ term and
        // of R^h = f′ ⊙ λ^h C′^h from panel copies of D, C′ and A′; adaptive C′ (and D with A′) are tasks of the update
        // list. Momentum and dropout in both channels; 33 rows split into 20 + 13.
        var model = new ModelSpec
        {
            LayerSizes = [250, 40, 30, 20, 10],
            Algorithm = algorithm,
            Architecture = ChannelArchitecture.Distinct,
            LearningChannelWidths = [16, 8, 12],
            LateralA = lateralA,
            LearningChannelRule = rule,
            LearningChannelActivation = lcTanh ? Activation.Tanh : Activation.Identity,
            DropoutForward = 0.1,
            DropoutLearningChannel = 0.1,
        };
        Dataset data = ReferenceEquivalenceTests.Data(99, 250, 10, OutputKind.Softmax);
        var one = TrainWithMetrics(model, data, 1, 7, batch: 33);
        Assert.Equal(one, TrainWithMetrics(model, data, 2, 7, batch: 33));
        Assert.NotEqual(one.Weights, Train(model, data, 1, 6, batch: 33));
    }

    [Theory]
    [InlineData(Algorithm.BP, 40, 0f, LearningChannelRule.Fixed)]
    [InlineData(Algorithm.BP, 33, 0f, LearningChannelRule.Fixed)]
    [InlineData(Algorithm.RBP, 33, 0f, LearningChannelRule.Fixed)]
    [InlineData(Algorithm.SRBP, 40, 0f, LearningChannelRule.Fixed)]
    [InlineData(Algorithm.BP, 33, 0.9f, LearningChannelRule.Fixed)]
    [InlineData(Algorithm.SRBP, 40, 0.5f, LearningChannelRule.Fixed)]
    [InlineData(Algorithm.RBP, 33, 0.9f, LearningChannelRule.Hebbian)]
    public void Wide_layers_kept_only_as_panels_give_the_bits_of_one_thread_and_resume_from_a_checkpoint(Algorithm algorithm, int batch,
        float momentum, LearningChannelRule rule)
    {
        // On two lanes a layer of at least 65,536 weights is updated in its panel copy only (W¹ by each lane's columns,
        // 8 and 9 panels: FirstLayerColumnsTests), and BP's learning channel reads W's rows from it (Sgemm.Panels.cs); one
        // thread keeps the row-major weights. A 33-row batch gives a 13-row lane, whose single 16-column panel takes the
        // packed path. With momentum the velocity is kept as panels as well, each tile of V added to W's panels as it
        // is stored; the checkpoint, written mid-run, must carry it unpacked, and the run must go on from its panels.
        // ARBP's Hebbian C², C³ (260×260) are kept the same way.
        var model = new ModelSpec { LayerSizes = [260, 260, 260, 260, 10], Algorithm = algorithm, DropoutForward = 0.1, LearningChannelRule = rule };
        Dataset data = ReferenceEquivalenceTests.Data(120, 260, 10, OutputKind.Softmax);
        var training = new TrainingSpec { BatchSize = batch, LearningRate = 0.05f, Seed = 4, Momentum = momentum };
        string one;
        using (var trainer = new RateTrainer(model, training with { Threads = 1 }, data, null))
        {
            Assert.False(trainer.Network.Forward(2).PanelsOnly);
            Run(trainer, 13);
            one = trainer.WeightsSha256();
        }

        var checkpoint = new MemoryStream();
        using (var first = new RateTrainer(model, training with { Threads = 2 }, data, null))
        {
            Assert.True(first.Network.Forward(1).PanelsOnly && first.Network.Forward(2).PanelsOnly && first.Network.Forward(3).PanelsOnly);
            Assert.Equal(rule == LearningChannelRule.Hebbian, first.Network.Feedback(2)?.PanelsOnly == true && first.Network.Feedback(3)?.PanelsOnly == true);
            Run(first, 7);
            // With BP on AVX-512 the learning channel reads the panels of W²ᵀ, W³ᵀ (written by their updates into
            // panels) and W⁴ᵀ (260×10, kept row-major: transposed after its update), and never W¹'s.
            bool transposed = algorithm == Algorithm.BP && SgemmPaths.Best == SgemmPath.Vector512;
            Assert.False(first.Network.Forward(1).TransposedCurrent);
            Assert.False(first.Network.Forward(4).PanelsOnly);
            Assert.Equal(transposed, first.Network.Forward(2).TransposedCurrent && first.Network.Forward(3).TransposedCurrent
                && first.Network.Forward(4).TransposedCurrent);
            first.WriteCheckpoint(checkpoint);
            Run(first, 6);
            Assert.Equal(one, first.WeightsSha256());
        }

        checkpoint.Position = 0;
        using RateTrainer resumed = RateTrainer.ReadCheckpoint(checkpoint, data, null);
        Run(resumed, 6);
        Assert.Equal(one, resumed.WeightsSha256());
    }

    [Fact]
    public void Resuming_from_a_checkpoint_is_bit_identical()
    {
        Dataset data = ReferenceEquivalenceTests.Data(40, 5, 3, OutputKind.Softmax);
        var training = new TrainingSpec { BatchSize = 8, Momentum = 0.5f, Decay = 0.01f, Seed = 9, Threads = 1 };
        string uninterrupted;
        using (var trainer = new RateTrainer(Small, training, data, null))
        {
            Run(trainer, 13);
            uninterrupted = trainer.WeightsSha256();
        }

        var checkpoint = new MemoryStream();
        using (var first = new RateTrainer(Small, training, data, null))
        {
            Run(first, 7);
            first.WriteCheckpoint(checkpoint);
        }

        checkpoint.Position = 0;
        using RateTrainer resumed = RateTrainer.ReadCheckpoint(checkpoint, data, null);
        Assert.Equal(7, resumed.Updates);
        Run(resumed, 6);
        Assert.Equal(uninterrupted, resumed.WeightsSha256());
    }

    [Fact]
    public void Truncated_corrupt_or_mismatched_checkpoints_are_rejected()
    {
        Dataset data = ReferenceEquivalenceTests.Data(40, 5, 3, OutputKind.Softmax);
        var stream = new MemoryStream();
        using (var trainer = new RateTrainer(Small, new TrainingSpec { BatchSize = 8, Threads = 1 }, data, null))
        {
            trainer.Step();
            trainer.WriteCheckpoint(stream);
        }

        byte[] bytes = stream.ToArray();
        Assert.Throws<CheckpointFormatException>(() => RateTrainer.ReadCheckpoint(new MemoryStream(bytes[..(bytes.Length / 2)]), data, null));
        byte[] corrupt = (byte[])bytes.Clone();
        corrupt[bytes.Length / 2] ^= 0x40;
        Assert.Throws<CheckpointFormatException>(() => RateTrainer.ReadCheckpoint(new MemoryStream(corrupt), data, null));
        Assert.Throws<CheckpointFormatException>(() => RateTrainer.ReadCheckpoint(new MemoryStream([1, 2, 3]), data, null));
        Dataset other = ReferenceEquivalenceTests.Data(48, 5, 3, OutputKind.Softmax);
        var ex = Assert.Throws<CheckpointFormatException>(() => RateTrainer.ReadCheckpoint(new MemoryStream(bytes), other, null));
        Assert.Contains("48", ex.Message);
    }

    [Fact]
    public void Bad_input_is_rejected_before_training_naming_the_field()
    {
        Dataset data = ReferenceEquivalenceTests.Data(40, 5, 3, OutputKind.Softmax);
        var training = new TrainingSpec { BatchSize = 8, Threads = 1 };
        var shape = Assert.Throws<ArgumentException>(() => new RateTrainer(Small with { LayerSizes = [6, 9, 3] }, training, data, null));
        Assert.Contains("LayerSizes[0]", shape.Message);
        var labels = Assert.Throws<ArgumentException>(() => new RateTrainer(Small with { LayerSizes = [5, 9, 4] }, training, data, null));
        Assert.Contains("target units", labels.Message);
        var lr = Assert.Throws<ArgumentException>(() => new RateTrainer(Small, training with { LearningRate = 0f }, data, null));
        Assert.Equal("LearningRate", lr.ParamName);
        var widths = Assert.Throws<ArgumentException>(() => new RateTrainer(Small with { Architecture = ChannelArchitecture.Distinct }, training, data, null));
        Assert.Equal("LearningChannelWidths", widths.ParamName);
        var bp = Assert.Throws<ArgumentException>(() => new RateTrainer(Small with { Algorithm = Algorithm.BP, LearningChannelRule = LearningChannelRule.Hebbian }, training, data, null));
        Assert.Equal("Algorithm", bp.ParamName);
        var phase = Assert.Throws<ArgumentException>(() => new RateTrainer(Small with { Algorithm = Algorithm.SRBP, LearningChannelRule = LearningChannelRule.Hebbian, StdpChannelPhase = StdpChannelPhase.Free }, training, data, null));
        Assert.Equal("StdpChannelPhase", phase.ParamName);
        var forward = Assert.Throws<ArgumentException>(() => new RateTrainer(Small with { Algorithm = Algorithm.SRBP, LearningChannelRule = LearningChannelRule.Stdp, StdpForwardPhase = StdpForwardPhase.Free, DropoutForward = 0.2 }, training, data, null));
        Assert.Equal("StdpForwardPhase", forward.ParamName);
        var nan = Assert.Throws<ArgumentException>(() => new Dataset("bad", 1, 2, 1, [0f, float.NaN], [1f]));
        Assert.Contains("column 1", nan.Message);
        Assert.Contains("'bad'", nan.Message);
    }

    [Fact]
    public void Divergence_stops_training_naming_epoch_layer_and_channel()
    {
        Dataset data = ReferenceEquivalenceTests.Data(40, 5, 3, OutputKind.Softmax);
        var model = new ModelSpec { LayerSizes = [5, 9, 3], Hidden = Activation.Identity };
        using var trainer = new RateTrainer(model, new TrainingSpec { BatchSize = 8, LearningRate = 1e4f, WeightBound = 1e3, Threads = 1 }, data, null);
        var ex = Assert.Throws<TrainingDivergedException>(() => Run(trainer, 50));
        Assert.Equal(1, ex.Epoch);
        Assert.InRange(ex.Layer, 1, 2);
        Assert.Equal("forward", ex.Channel);
        Assert.Contains("layer", ex.Message);
    }

    [Fact]
    public void The_weight_bound_is_checked_on_panels_only_layers_without_unpacking_them()
    {
        // The host checks the bound after every update; on a layer kept only as panels it must read the panels, not
        // unpack 1 MB of row-major values per step, and still name the layer when a weight leaves the bound.
        var model = new ModelSpec { LayerSizes = [260, 260, 260, 10], Hidden = Activation.Identity };
        Dataset data = ReferenceEquivalenceTests.Data(80, 260, 10, OutputKind.Softmax);
        using (var calm = new RateTrainer(model, new TrainingSpec { BatchSize = 40, LearningRate = 0.01f, WeightBound = 1e3, Threads = 2 }, data, null))
        {
            Run(calm, 3);
            WeightMatrix w2 = calm.Network.Forward(2);
            Assert.True(w2.PanelsOnly);
            Assert.True(w2.ValuesStale);

            // The lane that updated W² noted its largest |w| while it was in cache; the check reads that note.
            Assert.True(w2.MaxMagnitudeNoted);
            float noted = w2.MaxMagnitudeSinceUpdate();
            Assert.Equal(Math.Abs(TensorPrimitives.MaxMagnitude(w2.Values.AsSpan(0, w2.Rows * w2.Cols))), noted);
            Assert.False(w2.MaxMagnitudeNoted);
        }

        using var wild = new RateTrainer(model, new TrainingSpec { BatchSize = 40, LearningRate = 1e5f, WeightBound = 50, Threads = 2 }, data, null);
        var ex = Assert.Throws<TrainingDivergedException>(() => Run(wild, 40));
        Assert.InRange(ex.Layer, 1, 3);
        Assert.Equal("forward", ex.Channel);
        WeightMatrix culprit = wild.Network.Forward(ex.Layer);
        Assert.True(culprit.MaxMagnitude() > 50 || float.IsNaN(culprit.MaxMagnitude()));
        Assert.Equal(culprit.MaxMagnitude(), Math.Abs(TensorPrimitives.MaxMagnitude(culprit.Values.AsSpan(0, culprit.Rows * culprit.Cols))));
    }

    [Fact]
    public void A_large_negative_weight_leaves_the_bound_and_a_written_matrix_forgets_its_note()
    {
        // The magnitude, not the signed value of largest magnitude: −10⁹ > 10³ must count as a blow-up.
        var model = new ModelSpec { LayerSizes = [260, 260, 260, 10], Hidden = Activation.Identity };
        Dataset data = ReferenceEquivalenceTests.Data(80, 260, 10, OutputKind.Softmax);
        using var trainer = new RateTrainer(model, new TrainingSpec { BatchSize = 40, LearningRate = 0.01f, WeightBound = 1e3, Threads = 2 }, data, null);
        Run(trainer, 2);
        WeightMatrix w2 = trainer.Network.Forward(2);
        Assert.True(w2.MaxMagnitudeNoted);
        float[] values = w2.Values;
        Assert.False(w2.MaxMagnitudeNoted);
        values[7] = -1e9f;
        w2.PanelsCurrent = false;
        Assert.Equal(1e9f, w2.MaxMagnitudeSinceUpdate());
        var ex = Assert.Throws<TrainingDivergedException>(() => trainer.EndEpoch());
        Assert.Equal(2, ex.Layer);
        Assert.Contains("-1E+09", ex.Message);
    }

    [Fact]
    public void Epoch_metrics_report_norms_angles_and_validation()
    {
        Dataset data = ReferenceEquivalenceTests.Data(40, 5, 3, OutputKind.Softmax);
        using var trainer = new RateTrainer(Small with { DropoutForward = 0, DropoutLearningChannel = 0 }, new TrainingSpec { BatchSize = 8, Threads = 1 }, data, data);
        Assert.Equal(5, trainer.UpdatesPerEpoch);
        Run(trainer, 5);
        Assert.False(trainer.Step());
        EpochMetrics metrics = trainer.EndEpoch();
        Assert.Equal(1, metrics.Epoch);
        Assert.Equal(5, metrics.Updates);
        Assert.Equal(3, metrics.AlignmentAnglesDegrees.Count);
        Assert.All(metrics.AlignmentAnglesDegrees, a => Assert.InRange(a, 0, 180));
        Assert.Equal(7, metrics.WeightNorms.Count); // 4 forward W^h + 3 learning C^h
        Assert.Equal(3, metrics.WeightNorms.Count(n => n.Channel == "learning"));
        Assert.InRange(metrics.ValidationAccuracy, 0, 1);
        (double accuracy, double loss) = trainer.Evaluate(data);
        Assert.Equal(accuracy, metrics.ValidationAccuracy);
        Assert.Equal(loss, metrics.ValidationLoss);
        float[] probabilities = trainer.PredictProbabilities(data.Inputs.AsSpan(0, 15), 3);
        for (int r = 0; r < 3; r++)
        {
            Assert.Equal(1f, probabilities.Skip(r * 3).Take(3).Sum(), 4);
        }
    }

    private static string Train(ModelSpec model, Dataset data, int threads, int steps, int batch = 16)
    {
        using var trainer = new RateTrainer(model, new TrainingSpec { BatchSize = batch, Momentum = 0.5f, Seed = 3, Threads = threads }, data, null);
        Run(trainer, steps);
        return trainer.WeightsSha256();
    }

    /// <summary>
    /// Weights hash, mean training loss and accuracy over <paramref name="steps"/> (≤ 1 epoch) steps, and the loss and
    /// accuracy of an evaluation pass over the training data.
    /// </summary>
    private static (string Weights, double Loss, double Accuracy, double ValidationLoss, double ValidationAccuracy) TrainWithMetrics(
        ModelSpec model, Dataset data, int threads, int steps, int batch)
    {
        using var trainer = new RateTrainer(model, new TrainingSpec { BatchSize = batch, Momentum = 0.5f, Seed = 3, Threads = threads }, data, data);
        Run(trainer, steps);
        EpochMetrics m = trainer.EndEpoch();
        return (trainer.WeightsSha256(), m.TrainLoss, m.TrainAccuracy, m.ValidationLoss, m.ValidationAccuracy);
    }

    private static void Run(RateTrainer trainer, int steps)
    {
        for (int i = 0; i < steps; i++)
        {
            if (!trainer.Step())
            {
                trainer.EndEpoch();
                Assert.True(trainer.Step());
            }
        }
    }
}

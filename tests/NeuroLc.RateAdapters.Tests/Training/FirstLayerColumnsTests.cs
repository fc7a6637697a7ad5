using NeuroLc.RateAdapters.Training;

namespace NeuroLc.RateAdapters.Tests.Training;

/// <summary>
/// On two lanes a wide first layer (kept only as panels) is split by columns: each lane computes S¹, O¹ of every row
/// for its half of W¹'s panels and updates only that half (RateNetwork.FirstLayerColumns.cs). Every rule and
/// architecture must keep the bits of one thread, in training (dropout, momentum) and in evaluation.
/// </summary>
public sealed class FirstLayerColumnsTests
{
    // 272×260 = 70,720 weights: kept only as panels on two lanes; 260 columns are 17 panels (the last 4 wide), so
    // lane 0 takes panels 0–7 and lane 1 panels 8–16 with the ragged one.
    private const int Inputs = 272;
    private const int Batch = 24;
    private const int Steps = 6;

    public static TheoryData<string> Models => ["bp", "rbp", "srbp", "arbp-hebbian", "asrbp-hebbian", "arbp-stdp", "asrbp-stdp", "distinct-rbp", "distinct-srbp-hebbian"];

    [Theory]
    [MemberData(nameof(Models))]
    public void The_first_layer_split_by_columns_keeps_the_bits_of_one_thread(string name)
    {
        ModelSpec model = Model(name);
        using var one = new RateNetwork(model, Batch, 7, 1, 0.5f);
        using var two = new RateNetwork(model, Batch, 7, 2, 0.5f);
        Assert.True(two.Forward(1).PanelsOnly);

        var random = new Random(9);
        TrainAlike(random, one, two);

        foreach ((WeightMatrix a, WeightMatrix b) in one.Parameters().Zip(two.Parameters()))
        {
            Assert.True(a.Values.AsSpan().SequenceEqual(b.Values), $"{a.Channel}{a.Layer} differs between one and two threads");
        }

        Fill(random, out float[] testInputs, out float[] testTargets);
        double[] losses = new double[2];
        int[] correct = new int[2];
        RateNetwork[] both = [one, two];
        for (int i = 0; i < 2; i++)
        {
            testInputs.CopyTo(both[i].InputBuffer);
            testTargets.CopyTo(both[i].TargetBuffer);
            losses[i] = both[i].Evaluate(Batch, out correct[i]);
        }

        Assert.Equal(losses[0], losses[1]);
        Assert.Equal(correct[0], correct[1]);
    }

    [Fact]
    public void Switched_off_the_first_layer_is_split_by_rows_with_the_same_bits()
    {
        ModelSpec model = Model("srbp");
        RateNetwork.FirstLayerByColumns = false;
        RateNetwork byRows;
        try
        {
            byRows = new RateNetwork(model, Batch, 7, 2, 0f);
        }
        finally
        {
            RateNetwork.FirstLayerByColumns = true;
        }

        using (byRows)
        using (var byColumns = new RateNetwork(model, Batch, 7, 2, 0f))
        {
            TrainAlike(new Random(3), byRows, byColumns);
            Assert.True(byRows.Forward(1).Values.AsSpan().SequenceEqual(byColumns.Forward(1).Values));
        }
    }

    [Fact]
    public async Task A_lane_that_fails_in_its_half_of_the_first_layer_ends_the_step_while_the_other_waits()
    {
        var two = new RateNetwork(Model("rbp"), Batch, 7, 2, 0f);
        two.FirstLayerHalfDone = part =>
        {
            if (part == 1)
            {
                throw new InvalidDataException("lane 1 failed in the first layer");
            }
        };

        // Lane 0 waits for lane 1's half, which never comes: it must stop, not spin, and the step must report lane
        // 1's error.
        await LaneFailures.AssertStepReports(two, Batch, "lane 1 failed in the first layer");
    }

    private static ModelSpec Model(string name)
    {
        bool distinct = name.StartsWith("distinct", StringComparison.Ordinal);
        string rule = name.Split('-')[^1];
        string algorithm = distinct ? name.Split('-')[1] : name.Split('-')[0];
        return new ModelSpec
        {
            LayerSizes = [Inputs, 260, 40, 30, 5],
            Algorithm = algorithm switch
            {
                "bp" => Algorithm.BP,
                "rbp" or "arbp" => Algorithm.RBP,
                _ => Algorithm.SRBP,
            },
            Architecture = distinct ? ChannelArchitecture.Distinct : ChannelArchitecture.Conjoined,
            LearningChannelWidths = distinct ? [20, 10, 6] : null,
            LearningChannelRule = rule switch
            {
                "hebbian" => LearningChannelRule.Hebbian,
                "stdp" => LearningChannelRule.Stdp,
                _ => LearningChannelRule.Fixed,
            },
            DropoutForward = 0.1,
            DropoutLearningChannel = rule == "stdp" ? 0 : 0.1,
        };
    }

    /// <summary><see cref="Steps"/> training steps of <paramref name="networks"/> on the same random minibatches.</summary>
    private static void TrainAlike(Random random, params RateNetwork[] networks)
    {
        for (int step = 0; step < Steps; step++)
        {
            Fill(random, out float[] inputs, out float[] targets);
            foreach (RateNetwork network in networks)
            {
                inputs.CopyTo(network.InputBuffer);
                targets.CopyTo(network.TargetBuffer);
                network.TrainStep(Batch, 0.05f, step, out _);
            }
        }
    }

    private static void Fill(Random random, out float[] inputs, out float[] targets)
    {
        inputs = [.. Enumerable.Range(0, Batch * Inputs).Select(_ => (float)((random.NextDouble() * 2) - 1))];
        targets = new float[Batch * 5];
        for (int r = 0; r < Batch; r++)
        {
            targets[(r * 5) + random.Next(5)] = 1f;
        }
    }
}

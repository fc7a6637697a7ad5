using NeuroLc.RateAdapters.Training;

namespace NeuroLc.RateAdapters.Tests.Training;

/// <summary>
/// A two-lane step starts W^h's update as soon as every row group is done with layer h (RateNetwork.TwoLanes.cs).
/// Here one row group is slowed after each layer, so the other lane certainly updates the top layers while the slow
/// one still runs the learning channel below: the weights must still be those of one thread, bit for bit.
/// </summary>
public sealed class EarlyUpdateTests
{
    private const int Batch = 24;
    private const int Steps = 8;

    [Theory]
    [InlineData(Algorithm.BP, LearningChannelRule.Fixed)]
    [InlineData(Algorithm.RBP, LearningChannelRule.Fixed)]
    [InlineData(Algorithm.SRBP, LearningChannelRule.Fixed)]
    [InlineData(Algorithm.RBP, LearningChannelRule.Hebbian)]
    [InlineData(Algorithm.SRBP, LearningChannelRule.Hebbian)]
    public void Updates_started_while_a_lane_is_still_in_the_learning_channel_keep_the_bits_of_one_thread(
        Algorithm algorithm, LearningChannelRule rule)
    {
        var model = new ModelSpec
        {
            LayerSizes = [20, 36, 28, 24, 5],
            Algorithm = algorithm,
            LearningChannelRule = rule,
            DropoutForward = 0.1,
            DropoutLearningChannel = 0.1,
        };
        using var one = new RateNetwork(model, Batch, 11, 1, 0.5f);
        using var two = new RateNetwork(model, Batch, 11, 2, 0.5f);
        // Whichever lane holds the second row group sleeps after each layer it is done with.
        two.LayerDone = (group, _) =>
        {
            if (group == 1)
            {
                Thread.Sleep(3);
            }
        };

        var random = new Random(4);
        for (int step = 0; step < Steps; step++)
        {
            float[] inputs = [.. Enumerable.Range(0, Batch * 20).Select(_ => (float)((random.NextDouble() * 2) - 1))];
            float[] targets = new float[Batch * 5];
            for (int r = 0; r < Batch; r++)
            {
                targets[(r * 5) + random.Next(5)] = 1f;
            }

            foreach (RateNetwork network in new[] { one, two })
            {
                inputs.CopyTo(network.InputBuffer);
                targets.CopyTo(network.TargetBuffer);
                network.TrainStep(Batch, 0.05f, step, out _);
            }
        }

        Assert.True(two.EarlyUpdates > 0, "no update started before the slowed row group was done");
        foreach ((WeightMatrix a, WeightMatrix b) in one.Parameters().Zip(two.Parameters()))
        {
            Assert.True(a.Values.AsSpan().SequenceEqual(b.Values), $"{a.Channel}{a.Layer} differs between one and two threads");
        }
    }

    [Fact]
    public async Task A_lane_that_fails_ends_the_step_with_its_own_error_while_the_other_waits_for_its_layers()
    {
        var model = new ModelSpec { LayerSizes = [20, 36, 28, 24, 5], Algorithm = Algorithm.RBP };
        var two = new RateNetwork(model, Batch, 11, 2, 0f);
        two.LayerDone = (group, h) =>
        {
            if (group == 1 && h == 3)
            {
                throw new InvalidDataException("row group 1 failed at layer 3");
            }
        };

        // The other lane waits for layer 2, which the failed group never frees: it must stop, not spin forever, and
        // the step must report the failure itself, whichever thread ran the failed group.
        await LaneFailures.AssertStepReports(two, Batch, "row group 1 failed at layer 3");
    }
}

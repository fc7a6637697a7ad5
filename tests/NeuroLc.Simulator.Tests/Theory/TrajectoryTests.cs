using NeuroLc.Simulator.Theory;

namespace NeuroLc.Simulator.Tests.Theory;

/// <summary>The recorded trajectory stays bounded and evenly thinned on long runs.</summary>
public sealed class TrajectoryTests
{
    [Fact]
    public void LongRunsAreThinnedEvenly()
    {
        Trajectory trajectory = new(["x"], maxSamples: 8);
        for (int step = 0; step < 100; step++)
        {
            trajectory.Add(step, [step * 10.0]);
        }

        Assert.True(trajectory.Count < 8);
        Assert.Equal(0.0, trajectory.Times[0]);

        // Offered steps 0..99, kept at the final stride of 16 after three halvings.
        Assert.Equal([0.0, 16.0, 32.0, 48.0, 64.0, 80.0, 96.0], trajectory.Times);
        Assert.Equal(960.0, trajectory.Series("x")[^1]);
    }

    [Fact]
    public void UnknownSeriesIsNamed()
    {
        Trajectory trajectory = new(["a1", "a2"]);
        ArgumentException error = Assert.Throws<ArgumentException>(() => trajectory.Series("c1"));
        Assert.Contains("a1, a2", error.Message, StringComparison.Ordinal);
    }
}

using NeuroLc.RateAdapters.Training;

namespace NeuroLc.RateAdapters.Tests.Training;

/// <summary>What a two-lane step must do when one lane throws while the other waits for it.</summary>
internal static class LaneFailures
{
    /// <summary>
    /// Runs one training step of <paramref name="network"/> (a lane of which is set up to throw an
    /// <see cref="InvalidDataException"/> with <paramref name="message"/>) and asserts that the step ends within 60 s,
    /// instead of the other lane spinning forever, and reports that error, whichever thread ran the failed part.
    /// Disposes the network.
    /// </summary>
    public static async Task AssertStepReports(RateNetwork network, int batch, string message)
    {
        network.InputBuffer.Fill(0.5f);
        network.TargetBuffer[0] = 1f;
        Task step = Task.Run(() => network.TrainStep(batch, 0.05f, 0, out _));
        Exception error = await Assert.ThrowsAnyAsync<Exception>(() => step.WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.IsNotType<TimeoutException>(error);
        network.Dispose();
        Exception cause = error is InvalidOperationException { InnerException: { } inner } ? inner : error;
        Assert.IsType<InvalidDataException>(cause);
        Assert.Equal(message, cause.Message);
    }
}

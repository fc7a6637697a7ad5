using System.Text.Json;
using NeuroLc.Host.Progress;
using NeuroLc.Host.Training;

namespace NeuroLc.Host.Tests.Progress;

public sealed class ProgressReporterTests
{
    [Fact]
    public void Json_reporter_writes_one_object_per_line_with_rates()
    {
        var output = new StringWriter();
        var reporter = new JsonProgressReporter(output, TimeSpan.Zero);

        reporter.RunStarted("bp", 0, 1, 0, 10, 100, 1000);
        Thread.Sleep(20);
        reporter.Stepped(4);
        reporter.EpochEnded("bp", 1, 2, new EpochReport(1, 5, 0.9, 0.3, 0.8, 0.4, [], [], 1.5));

        string[] lines = output.ToString().TrimEnd().Split('\n');
        Assert.Equal(3, lines.Length);
        using JsonDocument progress = JsonDocument.Parse(lines[1]);
        Assert.Equal("progress", progress.RootElement.GetProperty("event").GetString());
        Assert.Equal(40.0, progress.RootElement.GetProperty("percent").GetDouble());
        double examples = progress.RootElement.GetProperty("examples_per_second").GetDouble();
        Assert.True(examples > 0);
        Assert.Equal(examples * 1000, progress.RootElement.GetProperty("synapse_updates_per_second").GetDouble());
        using JsonDocument epoch = JsonDocument.Parse(lines[2]);
        Assert.Equal(0.8, epoch.RootElement.GetProperty("validation_accuracy").GetDouble());
    }

    [Fact]
    public void Meter_estimates_the_remaining_time_from_the_rate_so_far()
    {
        var meter = new ProgressMeter(startUpdates: 100, totalUpdates: 300, batchSize: 10, synapses: 2);
        Assert.Null(meter.Eta);
        Thread.Sleep(50);
        meter.Updates = 150;

        // 50 updates took ~elapsed; 150 remain, so ETA ≈ 3 × elapsed.
        double expected = 3 * meter.ElapsedSeconds;
        Assert.InRange(meter.Eta!.Value.TotalSeconds, expected - 1, expected + 1);
        Assert.Equal(50.0, meter.Percent);
    }
}

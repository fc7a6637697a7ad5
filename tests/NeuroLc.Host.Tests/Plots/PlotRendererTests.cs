using NeuroLc.Host.Plots;
using NeuroLc.Host.Progress;
using NeuroLc.Host.Runs;
using NeuroLc.Host.Tests.Support;

namespace NeuroLc.Host.Tests.Plots;

/// <summary>PNG rendering (needs fonts-dejavu-core and libfontconfig1, which CI installs).</summary>
public sealed class PlotRendererTests
{
    private static readonly byte[] s_pngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public void Run_directory_gets_an_accuracy_plot_and_probability_maps()
    {
        using var temp = new TempFolder();
        RunDirectory directory = RunDirectory.Create(temp.Combine("run"), Experiments.Parse(Experiments.Tiny));
        new ExperimentRunner(new LogisticEngine(), new SilentProgressReporter(TextWriter.Null)).Run(directory, CancellationToken.None);

        IReadOnlyList<string> files = PlotRenderer.RenderAll(directory);

        Assert.Equal(["accuracy.png", "fk-maps.png"], files.Select(Path.GetFileName));
        foreach (string file in files)
        {
            byte[] bytes = File.ReadAllBytes(file);
            Assert.Equal(s_pngSignature, bytes[..8]);
            Assert.True(bytes.Length > 5000, $"{file} has only {bytes.Length} bytes");
        }
    }

    [Theory]
    [InlineData(0, 0.5, 0.5, 1f)]
    [InlineData(0, 0.95, 0.95, 0f)]
    [InlineData(1, 0.0, 0.0, 0f)]
    [InlineData(1, 0.7, 0.7, 1f)]
    public void Target_is_f_k(int k, double x, double y, float expected)
    {
        // Hand-computed: f_0(.5,.5): 1 - 0.5 > 0 -> 1; f_0(.95,.95): 1 - 1.805 < 0 -> 0;
        // f_1(0,0) = g(1,1): 1 - 2 < 0 -> 0; f_1(.7,.7) = g(0.02, 0.02) -> 1.
        const int resolution = 200;
        float[] map = ProbabilityMapFigure.Target(k, resolution);
        int column = (int)((x + 1) / 2 * resolution);
        int row = (int)((y + 1) / 2 * resolution);

        Assert.Equal(expected, map[row * resolution + column]);
    }
}

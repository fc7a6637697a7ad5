using NeuroLc.Host.Runs;
using ScottPlot;

namespace NeuroLc.Host.Plots;

/// <summary>
/// Figure 12: a grid of images, one column per k. The top row is the target f_k = g∘t^k on [−1, 1]² with
/// g(x) = sign(1 − ‖x‖²) and t(x) = [1 − 2x₁², 1 − 2x₂²] (paper section 4.2); each further row is one algorithm's
/// predicted probability, black 0 to white 1.
/// </summary>
public static class ProbabilityMapFigure
{
    private const int Panel = 220;

    /// <summary>Renders the maps of <paramref name="results"/>; rows are run names with their <c>-k&lt;k&gt;</c> suffix removed.</summary>
    public static string Render(IReadOnlyList<RunResult> results, IReadOnlyDictionary<string, int> kOfRun, string path)
    {
        int[] ks = results.Select(r => kOfRun[r.Name]).Distinct().Order().ToArray();
        string[] rows = results.Select(r => RowLabel(r.Name, kOfRun[r.Name])).Distinct().ToArray();
        int resolution = results[0].ProbabilityMap!.Resolution;
        var multiplot = new Multiplot();
        multiplot.AddPlots((rows.Length + 1) * ks.Length);
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Grid(rows.Length + 1, ks.Length);
        for (int c = 0; c < ks.Length; c++)
        {
            Draw(multiplot.GetPlot(c), Target(ks[c], resolution), resolution, $"f_{ks[c]} target");
        }
        for (int r = 0; r < rows.Length; r++)
        {
            for (int c = 0; c < ks.Length; c++)
            {
                Plot plot = multiplot.GetPlot((r + 1) * ks.Length + c);
                RunResult? run = results.FirstOrDefault(x => kOfRun[x.Name] == ks[c] && RowLabel(x.Name, ks[c]) == rows[r]);
                if (run is null)
                {
                    plot.Title($"{rows[r]} k={ks[c]}: not run");
                    continue;
                }
                Draw(plot, run.ProbabilityMap!.Values, resolution, $"{rows[r]} k={ks[c]}");
            }
        }
        multiplot.SavePng(path, Panel * ks.Length, Panel * (rows.Length + 1));
        return path;
    }

    /// <summary>The target f_k sampled at the same grid points as the predictions (1 inside, 0 outside).</summary>
    public static float[] Target(int k, int resolution)
    {
        var values = new float[resolution * resolution];
        for (int row = 0; row < resolution; row++)
        {
            for (int column = 0; column < resolution; column++)
            {
                double x = -1 + 2 * (column + 0.5) / resolution;
                double y = -1 + 2 * (row + 0.5) / resolution;
                for (int i = 0; i < k; i++)
                {
                    (x, y) = (1 - 2 * x * x, 1 - 2 * y * y);
                }
                values[row * resolution + column] = 1 - (x * x + y * y) > 0 ? 1f : 0f;
            }
        }
        return values;
    }

    private static string RowLabel(string runName, int k)
    {
        string suffix = $"-k{k}";
        return runName.EndsWith(suffix, StringComparison.Ordinal) ? runName[..^suffix.Length] : runName;
    }

    private static void Draw(Plot plot, float[] values, int resolution, string title)
    {
        var grid = new double[resolution, resolution];
        for (int row = 0; row < resolution; row++)
        {
            for (int column = 0; column < resolution; column++)
            {
                // Heatmap rows run top to bottom; our grid starts at y = −1, so flip to put y = +1 on top.
                grid[resolution - 1 - row, column] = values[row * resolution + column];
            }
        }
        var heatmap = plot.Add.Heatmap(grid);
        heatmap.Colormap = new ScottPlot.Colormaps.Grayscale();
        heatmap.ManualRange = new ScottPlot.Range(0, 1);
        plot.Axes.Frameless();
        plot.HideGrid();
        plot.Title(title, size: 11);
    }
}

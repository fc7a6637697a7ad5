using NeuroLc.Host.Runs;
using ScottPlot;

namespace NeuroLc.Host.Plots;

/// <summary>
/// The PNG figures of a run directory in the paper's style: training (dashed) and validation (solid) accuracy of every
/// run against epochs, one colour per run (Figures 7–11, 13, 14), and for f_k runs the grid of predicted probability
/// maps with the target functions in the top row (Figure 12).
/// </summary>
public static class PlotRenderer
{
    /// <summary>Renders every figure the directory's data supports; returns the files written.</summary>
    public static IReadOnlyList<string> RenderAll(RunDirectory directory)
    {
        Directory.CreateDirectory(directory.PlotsFolder);
        IReadOnlyList<MetricsRow> rows = directory.Metrics.Load();
        var written = new List<string>();
        string title = directory.Experiment.Title ?? directory.Experiment.Name;
        if (rows.Count > 0)
        {
            written.Add(RenderAccuracy(rows, directory.Experiment.Runs.Select(r => r.Name).ToArray(), title, Path.Combine(directory.PlotsFolder, "accuracy.png")));
        }
        RunResult[] maps = directory.Experiment.Runs
            .Select(r => directory.LoadResult(r.Name))
            .Where(r => r?.ProbabilityMap is not null)
            .Select(r => r!)
            .ToArray();
        if (maps.Length > 0)
        {
            var ks = directory.Experiment.Runs.ToDictionary(r => r.Name, r => r.Data.K);
            written.Add(ProbabilityMapFigure.Render(maps, ks, Path.Combine(directory.PlotsFolder, "fk-maps.png")));
        }
        return written;
    }

    /// <summary>Train and validation accuracy per run against epochs, as in Figures 7–11, 13 and 14.</summary>
    public static string RenderAccuracy(IReadOnlyList<MetricsRow> rows, IReadOnlyList<string> runs, string title, string path)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        for (int i = 0; i < runs.Count; i++)
        {
            MetricsRow[] series = rows.Where(r => r.Run == runs[i]).OrderBy(r => r.Epoch).ToArray();
            if (series.Length == 0)
            {
                continue;
            }
            double[] epochs = series.Select(r => (double)r.Epoch).ToArray();
            Color color = palette.GetColor(i);
            var validation = plot.Add.Scatter(epochs, series.Select(r => r.ValidationAccuracy).ToArray());
            validation.Color = color;
            validation.LineWidth = 2;
            validation.MarkerSize = series.Length == 1 ? 6 : 0;
            validation.LegendText = runs[i] + " validation";
            var train = plot.Add.Scatter(epochs, series.Select(r => r.TrainAccuracy).ToArray());
            train.Color = color;
            train.LineWidth = 1.5f;
            train.LinePattern = LinePattern.Dashed;
            train.MarkerSize = series.Length == 1 ? 6 : 0;
            train.LegendText = runs[i] + " train";
        }
        plot.Title(title);
        plot.XLabel("epoch");
        plot.YLabel("accuracy");
        plot.ShowLegend(Alignment.LowerRight);
        plot.SavePng(path, 1000, 650);
        return path;
    }
}

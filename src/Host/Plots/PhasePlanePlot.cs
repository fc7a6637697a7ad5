using ScottPlot;

namespace NeuroLc.Host.Plots;

/// <summary>
/// The phase plane of a theory trajectory (paper section 5): the second state variable against the first, with the
/// start and end marked, beside each variable against time.
/// </summary>
public static class PhasePlanePlot
{
    public static string Render(string title, IReadOnlyList<string> names, IReadOnlyList<double> times, IReadOnlyList<double[]> states, string path)
    {
        var multiplot = new Multiplot();
        multiplot.AddPlots(2);
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Grid(1, 2);
        Plot phase = multiplot.GetPlot(0);
        int y = names.Count > 1 ? 1 : 0;
        double[] xs = states.Select(s => s[0]).ToArray();
        double[] ys = states.Select(s => s[y]).ToArray();
        var line = phase.Add.Scatter(xs, ys);
        line.MarkerSize = 0;
        line.LineWidth = 2;
        var start = phase.Add.Marker(xs[0], ys[0], MarkerShape.OpenCircle, 10);
        start.LegendText = "start";
        var end = phase.Add.Marker(xs[^1], ys[^1], MarkerShape.FilledCircle, 10);
        end.LegendText = "end";
        phase.Title($"{title}: phase plane");
        phase.XLabel(names[0]);
        phase.YLabel(names[y]);
        phase.ShowLegend(Alignment.UpperRight);

        Plot series = multiplot.GetPlot(1);
        double[] t = times.ToArray();
        var palette = new ScottPlot.Palettes.Category10();
        for (int v = 0; v < names.Count && v < 10; v++)
        {
            var curve = series.Add.Scatter(t, states.Select(s => s[v]).ToArray());
            curve.MarkerSize = 0;
            curve.Color = palette.GetColor(v);
            curve.LegendText = names[v];
        }
        series.Title($"{title}: variables against time");
        series.XLabel("t");
        series.ShowLegend(Alignment.UpperRight);
        multiplot.SavePng(path, 1400, 600);
        return path;
    }
}

using System.Globalization;
using NeuroLc.Simulator.Demo;

namespace NeuroLc.Simulator.Tests;

public sealed class CellEngineDemoTests
{
    [Fact]
    public void DemoLearnsAndReportsALocalRun()
    {
        var output = new StringWriter();
        int code = CellEngineDemo.Run(output, seed: 1, epochs: 30);
        string text = output.ToString();

        Assert.Equal(0, code);
        Assert.Contains("# locality: PASS", text);
        Assert.Contains("0 violations", text);
        string[] rows = text.Split('\n').Where(l => l.Length > 0 && char.IsDigit(l[0])).ToArray();
        Assert.Equal(31, rows.Length);
        double first = double.Parse(rows[0].Split(',')[2], CultureInfo.InvariantCulture);
        double last = double.Parse(rows[^1].Split(',')[2], CultureInfo.InvariantCulture);
        Assert.True(last >= 0.9 && last > first + 0.2, $"held-out accuracy went {first} -> {last}");
    }

    [Fact]
    public void BadArgumentsExitWithTwo()
    {
        var output = new StringWriter();
        Assert.Equal(2, CellEngineDemo.Run(output, seed: 1, epochs: 0));
        Assert.Contains("epochs", output.ToString());
    }
}

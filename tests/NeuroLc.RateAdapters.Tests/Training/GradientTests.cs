using NeuroLc.RateAdapters.Training;

namespace NeuroLc.RateAdapters.Tests.Training;

/// <summary>BP's update is the true gradient of the mean cross-entropy (eqs. 5–7), checked by central differences.</summary>
public sealed class GradientTests
{
    [Theory]
    [InlineData(OutputKind.Softmax)]
    [InlineData(OutputKind.Logistic)]
    public void One_BP_update_is_minus_lr_times_the_numerical_gradient(OutputKind output)
    {
        var model = new ModelSpec { LayerSizes = output == OutputKind.Softmax ? [4, 6, 5, 3] : [4, 6, 5, 1], Output = output };
        Dataset data = ReferenceEquivalenceTests.Data(10, 4, model.LayerSizes[^1], output);
        const float lr = 1e-3f;
        using var trainer = new RateTrainer(model, new TrainingSpec { BatchSize = 10, LearningRate = lr, Threads = 1 }, data, null);
        var before = trainer.Network.Parameters().Select(p => (p, values: (float[])p.Values.Clone())).ToList();
        Assert.True(trainer.Step());
        foreach ((var p, float[] start) in before)
        {
            for (int i = 0; i < p.Rows * p.Cols; i += 3)
            {
                double numerical = NumericalGradient(model, before, p, i, data);
                double step = p.Values[i] - start[i];
                Assert.True(Math.Abs(step - (-lr * numerical)) <= 2e-7 + (2e-3 * Math.Abs(lr * numerical)),
                    $"{output} layer {p.Layer}{(p.IsBias ? " bias" : string.Empty)} [{i}]: update {step}, −η∇ {-lr * numerical}");
            }
        }
    }

    private static double NumericalGradient(ModelSpec model, List<(WeightMatrix P, float[] Values)> start, WeightMatrix target, int index, Dataset data)
    {
        const double eps = 1e-4;
        double Loss(double delta)
        {
            var weights = start.ToDictionary(s => s.P, s => s.Values.Select(v => (double)v).ToArray());
            weights[target][index] += delta;
            return MeanLoss(model, start.Select(s => s.P).ToList(), weights, data);
        }

        return (Loss(eps) - Loss(-eps)) / (2 * eps);
    }

    private static double MeanLoss(ModelSpec model, List<WeightMatrix> order, Dictionary<WeightMatrix, double[]> w, Dataset data)
    {
        int[] n = model.LayerSizes;
        int L = n.Length - 1;
        double total = 0;
        for (int e = 0; e < data.Count; e++)
        {
            double[] o = data.Inputs.Skip(e * n[0]).Take(n[0]).Select(v => (double)v).ToArray();
            for (int h = 1; h <= L; h++)
            {
                double[] wm = w[order.First(p => p.Layer == h && p.Channel == "forward" && !p.IsBias)];
                double[] b = w[order.First(p => p.Layer == h && p.Channel == "forward" && p.IsBias)];
                var s = new double[n[h]];
                for (int j = 0; j < n[h]; j++)
                {
                    s[j] = b[j];
                    for (int i = 0; i < n[h - 1]; i++)
                    {
                        s[j] += o[i] * wm[(i * n[h]) + j];
                    }
                }

                o = h < L ? s.Select(Math.Tanh).ToArray() : s;
            }

            float[] t = data.Targets.Skip(e * n[L]).Take(n[L]).ToArray();
            if (model.Output == OutputKind.Logistic)
            {
                double p = 1 / (1 + Math.Exp(-o[0]));
                total -= (t[0] * Math.Log(p)) + ((1 - t[0]) * Math.Log(1 - p));
            }
            else
            {
                double max = o.Max();
                double log = Math.Log(o.Sum(v => Math.Exp(v - max))) + max;
                for (int j = 0; j < n[L]; j++)
                {
                    total -= t[j] * (o[j] - log);
                }
            }
        }

        return total / data.Count;
    }
}

using NeuroLc.Neurons;

namespace NeuroLc.Simulator.Training;

/// <summary>Classification accuracy of a cell engine on a dataset.</summary>
public static class Evaluation
{
    /// <summary>
    /// The fraction of examples classified correctly by the forward pass alone. With one output cell the class is
    /// "output above the midpoint" (0.5 for logistic, 0 otherwise) compared with "target above the midpoint";
    /// with several output cells it is the arg-max of outputs compared with the arg-max of targets.
    /// </summary>
    public static double Accuracy(CellEngine engine, Dataset data)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(data);
        int correct = 0;
        for (int t = 0; t < data.Count; t++)
        {
            ReadOnlySpan<float> output = engine.Predict(data.Inputs[t]);
            if (IsCorrect(output, data.Targets[t], engine.OutputTransfer))
            {
                correct++;
            }
        }

        return (double)correct / data.Count;
    }

    /// <summary>Whether one output vector classifies its target correctly (see <see cref="Accuracy"/>).</summary>
    public static bool IsCorrect(ReadOnlySpan<float> output, ReadOnlySpan<float> target, TransferFunction outputTransfer)
    {
        if (output.Length != target.Length)
        {
            throw new ArgumentException($"output has {output.Length} values, target {target.Length}", nameof(target));
        }

        if (output.Length == 1)
        {
            float mid = outputTransfer == TransferFunction.Logistic ? 0.5f : 0f;
            return (output[0] > mid) == (target[0] > mid);
        }

        return ArgMax(output) == ArgMax(target);
    }

    private static int ArgMax(ReadOnlySpan<float> values)
    {
        int best = 0;
        for (int i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best])
            {
                best = i;
            }
        }

        return best;
    }
}

using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace NeuroLc.RateAdapters.Kernels;

/// <summary>Output layers and their losses; each also forms the error E = T − O that starts the learning channel.</summary>
public static class LossKernels
{
    private const float LogFloor = 1e-12f;

    /// <summary>
    /// Row-wise softmax of the pre-activations in place (O = softmax(S^L)), E = T − O, and returns the summed
    /// cross-entropy −Σ T log O and the number of rows whose arg-max output equals the arg-max target.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double SoftmaxCrossEntropy(Span<float> activations, ReadOnlySpan<float> targets, int rows, int cols, Span<float> error, out int correct)
    {
        CheckShapes(activations, targets, error, rows, cols);
        double loss = 0;
        correct = 0;
        for (int r = 0; r < rows; r++)
        {
            // Output rows are short (10 classes): a plain loop beats vector calls with their per-call overhead.
            Span<float> o = activations.Slice(r * cols, cols);
            ReadOnlySpan<float> t = targets.Slice(r * cols, cols);
            Span<float> e = error.Slice(r * cols, cols);
            int best = 0;
            int target = 0;
            for (int j = 1; j < cols; j++)
            {
                best = o[j] > o[best] ? j : best;
                target = t[j] > t[target] ? j : target;
            }

            float max = o[best];
            float sum = 0f;
            for (int j = 0; j < cols; j++)
            {
                float v = MathF.Exp(o[j] - max);
                o[j] = v;
                sum += v;
            }

            float inverse = 1f / sum;
            for (int j = 0; j < cols; j++)
            {
                o[j] *= inverse;
                e[j] = t[j] - o[j];
                if (t[j] != 0f)
                {
                    loss -= t[j] * Math.Log(Math.Max(o[j], LogFloor));
                }
            }

            if (best == target)
            {
                correct++;
            }
        }

        return loss;
    }

    /// <summary>
    /// Logistic outputs in place (O = σ(S^L)), E = T − O, and returns the summed binary cross-entropy
    /// −Σ [T log O + (1 − T) log(1 − O)] and the number of rows whose every unit is on the right side of ½.
    /// </summary>
    public static double LogisticCrossEntropy(Span<float> activations, ReadOnlySpan<float> targets, int rows, int cols, Span<float> error, out int correct)
    {
        CheckShapes(activations, targets, error, rows, cols);
        int n = rows * cols;
        Span<float> o = activations[..n];
        ActivationKernels.Apply(NeuroLc.RateAdapters.Training.Activation.Logistic, o, o);
        TensorPrimitives.Subtract(targets[..n], o, error[..n]);
        double loss = 0;
        correct = 0;
        for (int r = 0; r < rows; r++)
        {
            bool right = true;
            for (int j = r * cols; j < (r + 1) * cols; j++)
            {
                float t = targets[j];
                loss -= (t * Math.Log(Math.Max(o[j], LogFloor))) + ((1f - t) * Math.Log(Math.Max(1f - o[j], LogFloor)));
                right &= (o[j] > 0.5f) == (t > 0.5f);
            }

            if (right)
            {
                correct++;
            }
        }

        return loss;
    }

    /// <summary>E = T − O and returns ½ Σ (T − O)² (linear output with squared error).</summary>
    public static double SquaredError(ReadOnlySpan<float> outputs, ReadOnlySpan<float> targets, Span<float> error)
    {
        if (outputs.Length != targets.Length || error.Length < outputs.Length)
        {
            throw new ArgumentException($"Lengths differ: outputs {outputs.Length}, targets {targets.Length}, error {error.Length}.");
        }

        TensorPrimitives.Subtract(targets, outputs, error[..outputs.Length]);
        double sum = 0;
        foreach (float e in error[..outputs.Length])
        {
            sum += (double)e * e;
        }

        return 0.5 * sum;
    }

    private static void CheckShapes(ReadOnlySpan<float> activations, ReadOnlySpan<float> targets, ReadOnlySpan<float> error, int rows, int cols)
    {
        int n = rows * cols;
        if (activations.Length < n || targets.Length < n || error.Length < n)
        {
            throw new ArgumentException($"A {rows}×{cols} output needs {n} floats; got activations {activations.Length}, targets {targets.Length}, error {error.Length}.");
        }
    }
}

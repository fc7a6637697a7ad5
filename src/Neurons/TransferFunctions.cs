namespace NeuroLc.Neurons;

/// <summary>The element-wise maths of each <see cref="TransferFunction"/>: O = f(S) and f'(S) (eq. 2).</summary>
public static class TransferFunctions
{
    /// <summary>O = f(S) for an element-wise function; <see cref="TransferFunction.Softmax"/> must use
    /// <see cref="SoftmaxInPlace"/> instead.</summary>
    public static float Apply(TransferFunction function, float s) => function switch
    {
        TransferFunction.Identity => s,
        TransferFunction.Tanh => MathF.Tanh(s),
        TransferFunction.Logistic => 1f / (1f + MathF.Exp(-s)),
        TransferFunction.Relu => s > 0f ? s : 0f,
        _ => throw new ArgumentException(
            $"transfer function {function} is not element-wise; softmax is a population-level normalisation",
            nameof(function)),
    };

    /// <summary>f'(S), written in terms of S and O = f(S) so that no second evaluation is needed.
    /// For softmax this is the diagonal term O(1 − O).</summary>
    public static float Derivative(TransferFunction function, float s, float o) => function switch
    {
        TransferFunction.Identity => 1f,
        TransferFunction.Tanh => 1f - (o * o),
        TransferFunction.Logistic or TransferFunction.Softmax => o * (1f - o),
        TransferFunction.Relu => s > 0f ? 1f : 0f,
        _ => throw new ArgumentOutOfRangeException(nameof(function), function, "unknown transfer function"),
    };

    /// <summary>
    /// Softmax over a population, O_i = e^{S_i − m} / Σ_k e^{S_k − m} with m = max_k S_k.
    /// Physically this is an output population with lateral normalisation: every output cell sends its
    /// excitation e^{S_i} to one shared inhibitory (divisive) interneuron that sums them and divides each
    /// cell's output by the total. The shift m is a second lateral (winner) signal that changes nothing
    /// mathematically and keeps e^x finite. No cell outside the output population is read.
    /// </summary>
    public static void SoftmaxInPlace(ReadOnlySpan<float> s, Span<float> o)
    {
        if (o.Length != s.Length)
        {
            throw new ArgumentException($"softmax output length {o.Length} differs from input length {s.Length}", nameof(o));
        }

        float max = float.NegativeInfinity;
        foreach (float value in s)
        {
            max = MathF.Max(max, value);
        }

        float sum = 0f;
        for (int i = 0; i < s.Length; i++)
        {
            o[i] = MathF.Exp(s[i] - max);
            sum += o[i];
        }

        float inverse = 1f / sum;
        for (int i = 0; i < o.Length; i++)
        {
            o[i] *= inverse;
        }
    }
}

namespace NeuroLc.Neurons;

/// <summary>
/// The transfer function f of a cell, O = f(S) (eq. 2). <see cref="Softmax"/> is a population-level function
/// and is valid only for output populations (see <see cref="TransferFunctions.SoftmaxInPlace"/> for how it is
/// realised physically).
/// </summary>
public enum TransferFunction
{
    /// <summary>f(S) = S, f'(S) = 1.</summary>
    Identity,

    /// <summary>f(S) = tanh S, f'(S) = 1 − f(S)².</summary>
    Tanh,

    /// <summary>f(S) = 1 / (1 + e^−S), f'(S) = f(S)(1 − f(S)).</summary>
    Logistic,

    /// <summary>f(S) = max(0, S), f'(S) = 1 if S &gt; 0 else 0.</summary>
    Relu,

    /// <summary>O_i = e^{S_i} / Σ_k e^{S_k} over an output population (lateral normalisation).</summary>
    Softmax,
}

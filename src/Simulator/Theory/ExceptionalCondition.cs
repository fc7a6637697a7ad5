namespace NeuroLc.Simulator.Theory;

/// <summary>
/// An initial condition that lies in a measure-zero set on which the paper's convergence theorem does not promise
/// convergence to α − βP = 0 (e.g. Theorem 4′: some Kᵢ = cᵢ² − aᵢ² = 0; Theorem 5: R₀ = 0).
/// </summary>
/// <param name="Theorem">The theorem that names the set, e.g. <c>Theorem 5</c>.</param>
/// <param name="Description">What holds at the initial condition, with the measured value.</param>
public sealed record ExceptionalCondition(string Theorem, string Description)
{
    /// <inheritdoc />
    public override string ToString() => $"{Theorem}: {Description}";
}

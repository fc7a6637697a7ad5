namespace NeuroLc.Simulator.Theory;

/// <summary>
/// When a trajectory counts as converged.
/// Scalar systems (every right-hand side carries the factor ξ = α − βP, so ξ = 0 is a fixed point):
/// |α − βP| ≤ <see cref="TargetTolerance"/>·max(|α|, β|P|).
/// Matrix systems: settled, max|fᵢ(x)| ≤ <see cref="SettleTolerance"/>·max(1, max|xᵢ|).
/// Diverged: a non-finite state or max|xᵢ| &gt; <see cref="DivergenceBound"/>.
/// Periodic: after moving more than 10·ε away, the path passes within ε = <see cref="ReturnTolerance"/>·(1 + ‖x₀‖)
/// of the initial state.
/// </summary>
/// <param name="TargetTolerance">Relative tolerance on α − βP.</param>
/// <param name="SettleTolerance">Relative tolerance on the speed for the matrix systems and for settling off target.</param>
/// <param name="DivergenceBound">Largest state magnitude before the run is declared divergent.</param>
/// <param name="ReturnTolerance">Relative distance to the initial state that counts as a return.</param>
public sealed record ConvergenceCriteria(
    double TargetTolerance = 1e-8,
    double SettleTolerance = 1e-9,
    double DivergenceBound = 1e8,
    double ReturnTolerance = 1e-3)
{
    /// <summary>The defaults used by <see cref="TheoryRunner"/>.</summary>
    public static ConvergenceCriteria Default { get; } = new();
}

namespace NeuroLc.Simulator.Theory;

/// <summary>
/// An autonomous ODE dx/dt = f(x) for the averaged learning dynamics of one of the paper's section-5 networks,
/// together with what the theorems say about it: its invariants, its error-critical quantity P (whose target is
/// α/β) and the initial conditions the paper names as exceptions.
/// </summary>
public interface IOdeSystem
{
    /// <summary>The catalog name, e.g. <c>a111</c> or <c>chain-asrbp:5</c>.</summary>
    string Name { get; }

    /// <summary>One line naming the paper's system, e.g. <c>A[1,1,1] ARBP = ASRBP, eq. 24</c>.</summary>
    string Description { get; }

    /// <summary>α = E(IT) (scalar systems) — the data statistic the error-critical quantity is compared against.</summary>
    double Alpha { get; }

    /// <summary>β = E(I²) (scalar systems), strictly positive.</summary>
    double Beta { get; }

    /// <summary>Names of the state variables in state order (a1, a2, …, c1, …).</summary>
    IReadOnlyList<string> VariableNames { get; }

    /// <summary>Conserved quantities stated by the paper's theorems; empty when the paper states none.</summary>
    IReadOnlyList<Invariant> Invariants { get; }

    /// <summary>
    /// True when every fixed point of interest lies on α − βP = 0 (the scalar systems); false for the matrix
    /// system A[N,1,N], whose <see cref="ErrorCritical"/> is a Frobenius norm and whose convergence means settling.
    /// </summary>
    bool HasScalarTarget { get; }

    /// <summary>α/β for scalar systems; for matrix systems the Frobenius norm ‖Σ_TI Σ_II⁻¹‖ of the unconstrained optimum of P.</summary>
    double AlphaOverBeta { get; }

    /// <summary>Writes f(x) into <paramref name="derivative"/> (same length as the state).</summary>
    void Derivative(ReadOnlySpan<double> state, Span<double> derivative);

    /// <summary>The error-critical quantity P (the product or sum of products the output is made of; Frobenius norm for matrices).</summary>
    double ErrorCritical(ReadOnlySpan<double> state);

    /// <summary>The initial condition's membership in a set the paper names as exceptional, or null.</summary>
    ExceptionalCondition? FindExceptional(ReadOnlySpan<double> initial);

    /// <summary>
    /// When the state is approaching a fixed-point set off α − βP = 0 that the paper's theorem allows (it promises
    /// convergence, not a minimum), a description of that set; otherwise null.
    /// </summary>
    string? DescribeDegenerateLimit(ReadOnlySpan<double> state) => null;

    /// <summary>Draws an initial condition that satisfies the system's hypotheses (seeded, deterministic).</summary>
    double[] RandomInitialCondition(Random random);
}

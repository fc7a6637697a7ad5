namespace NeuroLc.Simulator.Theory;

/// <summary>
/// A[1,1,1] trained with the STDP-like rule of eq. 32 (Δa₁ = ηIc₁(T − O), Δa₂ = η(a₁I + c₁O)(T − O),
/// Δc₁ = ηOc₁(T − O)); averaging gives eq. 33 with P = a₁a₂ and ξ = α − βP:
/// da₁/dt = c₁ξ, da₂/dt = (a₁ + c₁P)ξ, dc₁/dt = c₁Pξ.
/// Theorem 2′: every trajectory exists for all time and converges to α − βP = 0. The paper states no invariant;
/// its proof uses that c₁ keeps its sign (eq. 36) and that α − βP keeps its sign, which the tests check instead.
/// State order: a1, a2, c1.
/// </summary>
public sealed class StdpSystem : IOdeSystem
{
    private static readonly string[] s_names = ["a1", "a2", "c1"];

    /// <summary>Creates the system.</summary>
    /// <param name="alpha">α = E(IT).</param>
    /// <param name="beta">β = E(I²) &gt; 0.</param>
    public StdpSystem(double alpha, double beta)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(beta);
        Alpha = alpha;
        Beta = beta;
    }

    /// <inheritdoc />
    public string Name => "a111-stdp";

    /// <inheritdoc />
    public string Description => "A[1,1,1] STDP rule, eq. 33 (Theorem 2')";

    /// <inheritdoc />
    public double Alpha { get; }

    /// <inheritdoc />
    public double Beta { get; }

    /// <inheritdoc />
    public double AlphaOverBeta => Alpha / Beta;

    /// <inheritdoc />
    public bool HasScalarTarget => true;

    /// <inheritdoc />
    public IReadOnlyList<string> VariableNames => s_names;

    /// <inheritdoc />
    public IReadOnlyList<Invariant> Invariants => [];

    /// <inheritdoc />
    public void Derivative(ReadOnlySpan<double> state, Span<double> derivative)
    {
        double a1 = state[0];
        double c1 = state[2];
        double p = ErrorCritical(state);
        double xi = Alpha - Beta * p;
        derivative[0] = c1 * xi;
        derivative[1] = (a1 + c1 * p) * xi;
        derivative[2] = c1 * p * xi;
    }

    /// <inheritdoc />
    public double ErrorCritical(ReadOnlySpan<double> state) => state[0] * state[1];

    /// <inheritdoc />
    public ExceptionalCondition? FindExceptional(ReadOnlySpan<double> initial)
    {
        // With c₁(0) = 0 and a₁(0) = 0 every right-hand side vanishes (proof of Theorem 2′, before eq. 34).
        if (initial[0] == 0.0 && initial[2] == 0.0)
        {
            return new ExceptionalCondition(
                "Theorem 2' proof (eq. 34)",
                "a1(0) = c1(0) = 0: every weight is frozen, so P stays at its initial value");
        }

        return null;
    }

    /// <inheritdoc />
    public double[] RandomInitialCondition(Random random) => [Gaussian.Next(random), Gaussian.Next(random), Gaussian.Next(random)];
}

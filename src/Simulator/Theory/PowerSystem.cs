using System.Globalization;

namespace NeuroLc.Simulator.Theory;

/// <summary>
/// The non-linear A[1,1,1] of section 5.9: hidden transfer O₁ = S^μ, linear output, so O = a₂(a₁I)^μ and
/// P = a₂a₁^μ. With α = E(TI^μ), β = E(I^{2μ}) and ξ = α − βa₂a₁^μ, eq. 132 (derivatives in the forward channel):
/// da₁/dt = μa₁^{μ−1}c₁ξ, da₂/dt = a₁^μ ξ, dc₁/dt = a₁^μ ξ.
/// Invariants (the second Theorem 7): K₁ = c₁ − a₂ and K = μc₁² − a₁² (eqs. 133–134).
/// For non-integer μ the powers need a₁ &gt; 0, and the theorem's hypothesis is K ≥ 0 with c₁ &gt; 0 (eq. 135).
/// State order: a1, a2, c1.
/// </summary>
public sealed class PowerSystem : IOdeSystem
{
    private static readonly string[] s_names = ["a1", "a2", "c1"];
    private readonly int? _integerPower;

    /// <summary>Creates the system.</summary>
    /// <param name="mu">μ &gt; 0.</param>
    /// <param name="alpha">α = E(TI^μ).</param>
    /// <param name="beta">β = E(I^{2μ}) &gt; 0.</param>
    public PowerSystem(double mu, double alpha, double beta)
    {
        if (!double.IsFinite(mu) || mu <= 0.0)
        {
            throw new ArgumentOutOfRangeException(nameof(mu), mu, "mu must be finite and positive.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(beta);
        Mu = mu;
        Alpha = alpha;
        Beta = beta;
        _integerPower = mu == Math.Floor(mu) && mu <= 64 ? (int)mu : null;
        Invariants =
        [
            new Invariant("K1", "c1 - a2 = K1 (Theorem 7 of section 5.9)", x => x[2] - x[1], x => Math.Abs(x[2]) + Math.Abs(x[1])),
            new Invariant("K", "mu c1^2 - a1^2 = K (eqs. 133-134)", x => Mu * x[2] * x[2] - x[0] * x[0], x => Mu * x[2] * x[2] + x[0] * x[0]),
        ];
    }

    /// <summary>μ, the hidden unit's power.</summary>
    public double Mu { get; }

    /// <summary>True when μ is a positive integer, so negative a₁ is allowed.</summary>
    public bool IsIntegerPower => _integerPower.HasValue;

    /// <inheritdoc />
    public string Name => "mu:" + Mu.ToString("R", CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public string Description => FormattableString.Invariant($"A[1,1,1] with hidden O = S^{Mu}, eq. 132 (Theorem 7, section 5.9)");

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
    public IReadOnlyList<Invariant> Invariants { get; }

    /// <inheritdoc />
    public void Derivative(ReadOnlySpan<double> state, Span<double> derivative)
    {
        double a1 = state[0];
        double power = Power(a1, Mu);
        double xi = Alpha - Beta * state[1] * power;
        derivative[0] = Mu * Power(a1, Mu - 1.0) * state[2] * xi;
        derivative[1] = power * xi;
        derivative[2] = power * xi;
    }

    /// <inheritdoc />
    public double ErrorCritical(ReadOnlySpan<double> state) => state[1] * Power(state[0], Mu);

    /// <inheritdoc />
    public ExceptionalCondition? FindExceptional(ReadOnlySpan<double> initial)
    {
        double a1 = initial[0];
        double c1 = initial[2];
        if (a1 == 0.0 && Mu > 1.0)
        {
            return new ExceptionalCondition("Theorem 7 (section 5.9)", "a1(0) = 0: a1 stays 0 and P = 0 for all time");
        }

        double k = Mu * c1 * c1 - a1 * a1;
        if (!IsIntegerPower && (k < 0.0 || c1 <= 0.0))
        {
            return new ExceptionalCondition(
                "Theorem 7 (section 5.9)",
                FormattableString.Invariant($"outside the hypothesis K = mu c1^2 - a1^2 >= 0, c1 > 0 for non-integer mu (K = {k}, c1 = {c1})"));
        }

        if (Mu < 1.0)
        {
            return new ExceptionalCondition("Theorem 7 (section 5.9)", "mu < 1: the theorem covers mu >= 1 only");
        }

        return null;
    }

    /// <inheritdoc />
    /// <remarks>
    /// The second Theorem 7 promises convergence, not a minimum: a₁ = 0 is a fixed-point set (P = 0) for μ &gt; 1,
    /// and a₁ shrinks there when a₁·da₁/dt = μa₁^μ c₁ξ &lt; 0 — exponentially for μ = 2, algebraically
    /// (a₁ ~ t^{−1/(μ−2)}) for μ &gt; 2, so a₂ and c₁ change by an integrable amount and the limit is P = 0.
    /// </remarks>
    public string? DescribeDegenerateLimit(ReadOnlySpan<double> state)
    {
        double a1 = state[0];
        double xi = Alpha - Beta * ErrorCritical(state);
        if (Mu > 1.0 && Math.Abs(a1) <= 1e-2 && Power(a1, Mu) * state[2] * xi < 0.0)
        {
            return FormattableString.Invariant($"a1 -> 0 (a1 = {a1:G3}, a1 da1/dt < 0): the fixed-point set a1 = 0, P = 0 of eq. 132");
        }

        return null;
    }

    /// <inheritdoc />
    public double[] RandomInitialCondition(Random random)
    {
        if (IsIntegerPower)
        {
            return [Gaussian.Next(random), Gaussian.Next(random), Gaussian.Next(random)];
        }

        // Inside the hypothesis of eq. 135: a₁ > 0, c₁ = sqrt((a₁² + K)/μ) with K ≥ 0.
        double a1 = 0.1 + Math.Abs(Gaussian.Next(random));
        double k = Math.Abs(Gaussian.Next(random));
        return [a1, Gaussian.Next(random), Math.Sqrt((a1 * a1 + k) / Mu)];
    }

    private double Power(double x, double exponent)
    {
        if (_integerPower.HasValue)
        {
            // Integer μ: exact repeated products allow negative a₁; a₁^{μ−1} with μ = 1 is 1.
            int e = (int)exponent;
            double result = 1.0;
            for (int i = 0; i < e; i++)
            {
                result *= x;
            }

            return result;
        }

        return Math.Pow(x, exponent);
    }
}

using System.Globalization;

namespace NeuroLc.Simulator.Theory;

/// <summary>
/// The linear chain A[1,…,1] with L adjustable forward weights a₁…a_L and L−1 adaptive learning-channel weights
/// c₁…c_{L−1} (section 5.4; L = 2 is A[1,1,1] of section 5.2, L = 3 is A[1,1,1,1] of section 5.3).
/// With P = a₁⋯a_L, ξ = α − βP and c_L = 1:
/// <list type="bullet">
/// <item>ARBP (eqs. 74–75; eq. 24 for L = 2, eq. 49 for L = 3):
/// daᵢ/dt = (∏_{k=i}^{L−1} c_k)(∏_{k&lt;i} a_k) ξ, dcᵢ/dt = (∏_{k≤i} a_k)(∏_{k=i+1}^{L−1} c_k) ξ.
/// Invariants (Theorem 4): Kᵢ = cᵢ − aᵢ₊₁ (eq. 76; eq. 29) and Jᵢ = aᵢ² − (aᵢ₊₁ + Kᵢ)² = aᵢ² − cᵢ² (eq. 78; eq. 31).</item>
/// <item>ASRBP (eqs. 81–82; eq. 55 for L = 3): daᵢ/dt = cᵢ (∏_{k&lt;i} a_k) ξ, dcᵢ/dt = (∏_{k≤i} a_k) ξ.
/// Invariants (Theorem 4′ proof): Kᵢ = cᵢ² − aᵢ² (eq. 83), J = a_L − c_{L−1} (eq. 90),
/// μᵢ₋₁ = (aᵢ + cᵢ) e^{−cᵢ₋₁} and νᵢ₋₁ = (aᵢ − cᵢ) e^{cᵢ₋₁} for 2 ≤ i ≤ L−1 (eq. 86).</item>
/// </list>
/// For L = 2 both rules give eq. 24 (ARBP = ASRBP).
/// </summary>
public sealed class LinearChainSystem : IOdeSystem
{
    private readonly int _length;
    private readonly string[] _names;
    private readonly Invariant[] _invariants;

    /// <summary>Creates the chain.</summary>
    /// <param name="name">Catalog name.</param>
    /// <param name="length">L ≥ 2, the number of forward weights.</param>
    /// <param name="rule">ARBP or ASRBP learning channel.</param>
    /// <param name="alpha">α = E(IT).</param>
    /// <param name="beta">β = E(I²) &gt; 0.</param>
    public LinearChainSystem(string name, int length, FeedbackRule rule, double alpha, double beta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 2);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(beta);
        Name = name;
        _length = length;
        Rule = rule;
        Alpha = alpha;
        Beta = beta;
        _names = new string[2 * length - 1];
        for (int i = 0; i < length; i++)
        {
            _names[i] = "a" + (i + 1).ToString(CultureInfo.InvariantCulture);
        }

        for (int i = 0; i < length - 1; i++)
        {
            _names[length + i] = "c" + (i + 1).ToString(CultureInfo.InvariantCulture);
        }

        _invariants = rule == FeedbackRule.Arbp ? ArbpInvariants() : AsrbpInvariants();
        string architecture = "A[" + string.Join(",", Enumerable.Repeat("1", length + 1)) + "]";
        Description = (rule, length) switch
        {
            (_, 2) => $"{architecture} ARBP = ASRBP, eq. 24 (Theorem 2)",
            (FeedbackRule.Arbp, 3) => $"{architecture} ARBP, eq. 49 (Theorem 3)",
            (FeedbackRule.Asrbp, 3) => $"{architecture} ASRBP, eq. 55 (Theorem 3')",
            (FeedbackRule.Arbp, _) => $"{architecture} ARBP, eqs. 74-75 (Theorem 4)",
            _ => $"{architecture} ASRBP, eqs. 81-82 (Theorem 4')",
        };
    }

    /// <summary>L, the number of forward weights.</summary>
    public int Length => _length;

    /// <summary>The learning-channel rule.</summary>
    public FeedbackRule Rule { get; }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public string Description { get; }

    /// <inheritdoc />
    public double Alpha { get; }

    /// <inheritdoc />
    public double Beta { get; }

    /// <inheritdoc />
    public double AlphaOverBeta => Alpha / Beta;

    /// <inheritdoc />
    public bool HasScalarTarget => true;

    /// <inheritdoc />
    public IReadOnlyList<string> VariableNames => _names;

    /// <inheritdoc />
    public IReadOnlyList<Invariant> Invariants => _invariants;

    /// <inheritdoc />
    public void Derivative(ReadOnlySpan<double> state, Span<double> derivative)
    {
        int l = _length;
        ReadOnlySpan<double> a = state[..l];
        ReadOnlySpan<double> c = state[l..];
        double xi = Alpha - Beta * ErrorCritical(state);
        if (Rule == FeedbackRule.Arbp)
        {
            // Sweep i downwards keeping the suffix product ∏_{k≥i} c_k, with the prefix ∏_{k<i} a_k precomputed upwards.
            Span<double> prefix = stackalloc double[l + 1];
            prefix[0] = 1.0;
            for (int i = 0; i < l; i++)
            {
                prefix[i + 1] = prefix[i] * a[i];
            }

            double suffix = 1.0;
            for (int i = l - 1; i >= 0; i--)
            {
                if (i < l - 1)
                {
                    // dcᵢ/dt = daᵢ₊₁/dt (eq. 76) = (∏_{k≤i} a_k)(∏_{k>i} c_k) ξ.
                    derivative[l + i] = prefix[i + 1] * suffix * xi;
                    suffix *= c[i];
                }

                derivative[i] = prefix[i] * suffix * xi;
            }

            return;
        }

        double product = 1.0;
        for (int i = 0; i < l; i++)
        {
            double feedback = i < l - 1 ? c[i] : 1.0;
            derivative[i] = feedback * product * xi;
            product *= a[i];
            if (i < l - 1)
            {
                derivative[l + i] = product * xi;
            }
        }
    }

    /// <inheritdoc />
    public double ErrorCritical(ReadOnlySpan<double> state)
    {
        double product = 1.0;
        for (int i = 0; i < _length; i++)
        {
            product *= state[i];
        }

        return product;
    }

    /// <inheritdoc />
    public ExceptionalCondition? FindExceptional(ReadOnlySpan<double> initial)
    {
        // Both rules conserve aᵢ² − cᵢ² (eq. 31/78 for ARBP, eq. 83 for ASRBP); on the set where it vanishes the
        // counter-example of eq. 84 (ASRBP) and the decay to aᵢ = cᵢ = 0 (ARBP, aᵢ = −cᵢ) escape the minimum.
        for (int i = 0; i < _length - 1; i++)
        {
            double a = initial[i];
            double c = initial[_length + i];
            double difference = Math.Abs(c * c - a * a);
            if (difference <= 1e-12 * (c * c + a * a) || (a == 0.0 && c == 0.0))
            {
                string theorem = (Rule, _length) switch
                {
                    (FeedbackRule.Asrbp, 3) => "Theorem 3'/4'",
                    (FeedbackRule.Asrbp, > 3) => "Theorem 4'",
                    _ => "Theorem 2/4 (J = 0; not named by the paper)",
                };
                string which = (i + 1).ToString(CultureInfo.InvariantCulture);
                return new ExceptionalCondition(
                    theorem,
                    FormattableString.Invariant($"c{which}^2 = a{which}^2 at t = 0 (a{which} = {a}, c{which} = {c}): measure-zero set where convergence to alpha - beta P = 0 is not guaranteed"));
            }
        }

        return null;
    }

    /// <inheritdoc />
    public double[] RandomInitialCondition(Random random) => Gaussian.Vector(random, _names.Length);

    private Invariant[] ArbpInvariants()
    {
        int l = _length;
        List<Invariant> list = [];
        for (int i = 0; i < l - 1; i++)
        {
            int ai = i;
            int next = i + 1;
            int ci = l + i;
            string k = (i + 1).ToString(CultureInfo.InvariantCulture);
            string k1 = (i + 2).ToString(CultureInfo.InvariantCulture);
            string where = l switch
            {
                2 => "Theorem 2, eq. 29",
                3 => "Theorem 3, eq. 51",
                _ => "Theorem 4, eq. 76",
            };
            list.Add(new Invariant(
                "K" + k,
                $"c{k} - a{k1} = K{k} ({where})",
                x => x[ci] - x[next],
                x => Math.Abs(x[ci]) + Math.Abs(x[next])));
            string whereJ = l switch
            {
                2 => "eq. 31",
                3 => "eq. 53",
                _ => "eq. 78",
            };
            list.Add(new Invariant(
                "J" + k,
                $"a{k}^2 = (a{k1} + K{k})^2 + J{k}, i.e. J{k} = a{k}^2 - c{k}^2 ({whereJ})",
                x => x[ai] * x[ai] - x[ci] * x[ci],
                x => x[ai] * x[ai] + x[ci] * x[ci]));
        }

        return [.. list];
    }

    private Invariant[] AsrbpInvariants()
    {
        int l = _length;
        List<Invariant> list = [];
        for (int i = 0; i < l - 1; i++)
        {
            int ai = i;
            int ci = l + i;
            string k = (i + 1).ToString(CultureInfo.InvariantCulture);
            list.Add(new Invariant(
                "K" + k,
                l == 3 ? $"c{k}^2 - a{k}^2 = K{k} (eq. 57)" : $"c{k}^2 - a{k}^2 = K{k} (eq. 83)",
                x => x[ci] * x[ci] - x[ai] * x[ai],
                x => x[ci] * x[ci] + x[ai] * x[ai]));
        }

        int last = l - 1;
        int lastC = 2 * l - 2;
        list.Add(new Invariant(
            "J",
            FormattableString.Invariant($"a{l} - c{l - 1} = J ({(l == 3 ? "eq. 58" : "eq. 90")})"),
            x => x[last] - x[lastC],
            x => Math.Abs(x[last]) + Math.Abs(x[lastC])));
        for (int i = 1; i < l - 1; i++)
        {
            int ai = i;
            int ci = l + i;
            int previous = l + i - 1;
            string k = i.ToString(CultureInfo.InvariantCulture);
            string idx = (i + 1).ToString(CultureInfo.InvariantCulture);
            list.Add(new Invariant(
                "mu" + k,
                $"(a{idx} + c{idx}) exp(-c{k}) = mu{k} ({(l == 3 ? "eq. 62" : "eq. 86")})",
                x => (x[ai] + x[ci]) * Math.Exp(-x[previous]),
                x => (Math.Abs(x[ai]) + Math.Abs(x[ci])) * Math.Exp(-x[previous])));
            list.Add(new Invariant(
                "nu" + k,
                $"(a{idx} - c{idx}) exp(c{k}) = nu{k} ({(l == 3 ? "eq. 62" : "eq. 86")})",
                x => (x[ai] - x[ci]) * Math.Exp(x[previous]),
                x => (Math.Abs(x[ai]) + Math.Abs(x[ci])) * Math.Exp(x[previous])));
        }

        return [.. list];
    }
}

using System.Globalization;

namespace NeuroLc.Simulator.Theory;

/// <summary>
/// The expansive linear A[1,N,1] (section 5.5): lower weights aᵢ, upper weights bᵢ, learning-channel weights cᵢ,
/// P = Σᵢ aᵢbᵢ and ξ = α − βP; eq. 99 (ARBP = ASRBP): daᵢ/dt = cᵢξ, dbᵢ/dt = aᵢξ, dcᵢ/dt = aᵢξ.
/// Invariants (Theorem 5): Kᵢ = cᵢ − bᵢ (eq. 101) and Jᵢ = aᵢ² + bᵢ² − 2cᵢbᵢ (eq. 103). In the proof's notation
/// R = (A + C)/2 and S = (A − C)/2 obey R′ = ξR, S′ = −ξS (eq. 114; the paper's S = (A − B)/2 + K has a sign slip,
/// it must be (A − B)/2 − K with C = B + 2K), so R₁S₂ = (a₁ + c₁)(a₂ − c₂)/4 is conserved too (fg = 1, eq. 116).
/// Exceptional set (Theorem 5 remark): R₀ = 0, i.e. A(0) = −C(0). State order: a1…aN, b1…bN, c1…cN.
/// </summary>
public sealed class ExpansiveSystem : IOdeSystem
{
    private readonly int _width;
    private readonly string[] _names;
    private readonly Invariant[] _invariants;

    /// <summary>Creates the system.</summary>
    /// <param name="width">N ≥ 1 hidden units.</param>
    /// <param name="alpha">α = E(IT).</param>
    /// <param name="beta">β = E(I²) &gt; 0.</param>
    public ExpansiveSystem(int width, double alpha, double beta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(beta);
        _width = width;
        Alpha = alpha;
        Beta = beta;
        _names = MatrixNames.Vectors(width, "a", "b", "c");
        List<Invariant> list = [];
        for (int i = 0; i < width; i++)
        {
            int a = i;
            int b = width + i;
            int c = 2 * width + i;
            string k = (i + 1).ToString(CultureInfo.InvariantCulture);
            list.Add(new Invariant("K" + k, $"c{k} - b{k} = K{k} (Theorem 5, eq. 101)", x => x[c] - x[b], x => Math.Abs(x[c]) + Math.Abs(x[b])));
            list.Add(new Invariant(
                "J" + k,
                $"a{k}^2 = b{k}^2 + 2 K{k} b{k} + J{k} (Theorem 5, eq. 103)",
                x => x[a] * x[a] + x[b] * x[b] - 2.0 * x[c] * x[b],
                x => x[a] * x[a] + x[b] * x[b] + 2.0 * Math.Abs(x[c] * x[b])));
        }

        if (width >= 2)
        {
            int c1 = 2 * width;
            int a2 = 1;
            int c2 = 2 * width + 1;
            list.Add(new Invariant(
                "R1S2",
                "(a1 + c1)(a2 - c2)/4 = f g R0_1 S0_2 with fg = 1 (Theorem 5 proof, eqs. 114-116)",
                x => 0.25 * (x[0] + x[c1]) * (x[a2] - x[c2]),
                x => 0.25 * (Math.Abs(x[0]) + Math.Abs(x[c1])) * (Math.Abs(x[a2]) + Math.Abs(x[c2]))));
        }

        _invariants = [.. list];
    }

    /// <inheritdoc />
    public string Name => "a1n1";

    /// <inheritdoc />
    public string Description => FormattableString.Invariant($"A[1,{_width},1] expansive ARBP = ASRBP, eq. 99 (Theorem 5)");

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
        int n = _width;
        double xi = Alpha - Beta * ErrorCritical(state);
        for (int i = 0; i < n; i++)
        {
            derivative[i] = state[2 * n + i] * xi;
            derivative[n + i] = state[i] * xi;
            derivative[2 * n + i] = state[i] * xi;
        }
    }

    /// <inheritdoc />
    public double ErrorCritical(ReadOnlySpan<double> state)
    {
        double sum = 0.0;
        for (int i = 0; i < _width; i++)
        {
            sum += state[i] * state[_width + i];
        }

        return sum;
    }

    /// <inheritdoc />
    public ExceptionalCondition? FindExceptional(ReadOnlySpan<double> initial)
    {
        double residual = 0.0;
        double size = 0.0;
        for (int i = 0; i < _width; i++)
        {
            residual += Math.Abs(initial[i] + initial[2 * _width + i]);
            size += Math.Abs(initial[i]) + Math.Abs(initial[2 * _width + i]);
        }

        if (residual <= 1e-12 * size || size == 0.0)
        {
            return new ExceptionalCondition(
                "Theorem 5",
                FormattableString.Invariant($"R0 = (A(0) + C(0))/2 = 0 (|A + C|_1 = {residual}): f diverges while g -> 0 (remark after eq. 118)"));
        }

        return null;
    }

    /// <inheritdoc />
    public double[] RandomInitialCondition(Random random) => Gaussian.Vector(random, _names.Length);
}

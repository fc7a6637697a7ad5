using System.Globalization;

namespace NeuroLc.Simulator.Theory;

/// <summary>
/// The compressive linear A[N,1,N] (section 5.6): A is 1×N (inputs to the single hidden unit), B is N×1 (hidden to
/// outputs), C is 1×N (the adaptive learning channel from the output errors to the hidden unit). With
/// M = Σ_TI − BAΣ_II, eq. 120 (ARBP = ASRBP) reads dA/dt = CM, dB/dt = MAᵗ, dC/dt = AMᵗ.
/// Invariant (Theorem 6, eq. 121): C = Bᵗ + K, i.e. Kᵢ = cᵢ − bᵢ is constant.
/// The error-critical quantity is the N×N matrix P = BA, reported as ‖BA‖_F; its unconstrained optimum is
/// Σ_TI Σ_II⁻¹. P has rank one, so the trajectory settles (dA = dB = 0) without reaching that optimum; convergence
/// here means settling. Defaults: Σ_II = β·I and Σ_TI = α·diag(1, 1/2, …, 1/N) (distinct singular values, so the
/// best rank-one approximation is unique). State order: a1…aN, b1…bN, c1…cN.
/// </summary>
public sealed class CompressiveSystem : IOdeSystem
{
    private readonly int _width;
    private readonly double[,] _sigmaTi;
    private readonly double[,] _sigmaIi;
    private readonly string[] _names;
    private readonly Invariant[] _invariants;

    /// <summary>Creates the system with the default statistics Σ_II = βI, Σ_TI = α·diag(1, 1/2, …, 1/N).</summary>
    public CompressiveSystem(int width, double alpha, double beta)
        : this(DefaultSigmaTi(width, alpha), ScaledIdentity(width, beta), alpha, beta)
    {
    }

    /// <summary>Creates the system from data statistics.</summary>
    /// <param name="sigmaTi">Σ_TI = E(TIᵗ), N×N.</param>
    /// <param name="sigmaIi">Σ_II = E(IIᵗ), N×N, symmetric positive definite.</param>
    /// <param name="alpha">The α the statistics were built from (reported only).</param>
    /// <param name="beta">The β the statistics were built from (reported only).</param>
    public CompressiveSystem(double[,] sigmaTi, double[,] sigmaIi, double alpha, double beta)
    {
        int n = sigmaTi.GetLength(0);
        if (n < 1 || sigmaTi.GetLength(1) != n || sigmaIi.GetLength(0) != n || sigmaIi.GetLength(1) != n)
        {
            throw new ArgumentException("Sigma_TI and Sigma_II must both be N x N with N >= 1.", nameof(sigmaTi));
        }

        _width = n;
        _sigmaTi = (double[,])sigmaTi.Clone();
        _sigmaIi = (double[,])sigmaIi.Clone();
        Alpha = alpha;
        Beta = beta;
        AlphaOverBeta = Frobenius(SmallLinearAlgebra.SolveRight(_sigmaTi, _sigmaIi));
        _names = MatrixNames.Vectors(n, "a", "b", "c");
        _invariants = new Invariant[n];
        for (int i = 0; i < n; i++)
        {
            int b = n + i;
            int c = 2 * n + i;
            string k = (i + 1).ToString(CultureInfo.InvariantCulture);
            _invariants[i] = new Invariant("K" + k, $"c{k} - b{k} = K{k}, C = B^t + K (Theorem 6, eq. 121)", x => x[c] - x[b], x => Math.Abs(x[c]) + Math.Abs(x[b]));
        }
    }

    /// <summary>N.</summary>
    public int Width => _width;

    /// <inheritdoc />
    public string Name => "an1n";

    /// <inheritdoc />
    public string Description => FormattableString.Invariant($"A[{_width},1,{_width}] compressive ARBP = ASRBP, eq. 120 (Theorem 6)");

    /// <inheritdoc />
    public double Alpha { get; }

    /// <inheritdoc />
    public double Beta { get; }

    /// <inheritdoc />
    public double AlphaOverBeta { get; }

    /// <inheritdoc />
    public bool HasScalarTarget => false;

    /// <inheritdoc />
    public IReadOnlyList<string> VariableNames => _names;

    /// <inheritdoc />
    public IReadOnlyList<Invariant> Invariants => _invariants;

    /// <inheritdoc />
    public void Derivative(ReadOnlySpan<double> state, Span<double> derivative)
    {
        int n = _width;
        ReadOnlySpan<double> a = state[..n];
        ReadOnlySpan<double> b = state.Slice(n, n);
        ReadOnlySpan<double> c = state.Slice(2 * n, n);
        Span<double> da = derivative[..n];
        Span<double> db = derivative.Slice(n, n);
        Span<double> dc = derivative.Slice(2 * n, n);

        // w = AΣ_II, so M_ij = (Σ_TI)_ij − b_i w_j.
        Span<double> w = stackalloc double[n];
        for (int j = 0; j < n; j++)
        {
            double sum = 0.0;
            for (int k = 0; k < n; k++)
            {
                sum += a[k] * _sigmaIi[k, j];
            }

            w[j] = sum;
        }

        da.Clear();
        for (int i = 0; i < n; i++)
        {
            double rowTimesA = 0.0;
            for (int j = 0; j < n; j++)
            {
                double m = _sigmaTi[i, j] - b[i] * w[j];
                rowTimesA += m * a[j];
                da[j] += c[i] * m;
            }

            db[i] = rowTimesA;
            dc[i] = rowTimesA;
        }
    }

    /// <inheritdoc />
    public double ErrorCritical(ReadOnlySpan<double> state)
    {
        // ‖BA‖_F = ‖b‖‖a‖ for the rank-one product.
        int n = _width;
        double a2 = 0.0;
        double b2 = 0.0;
        for (int i = 0; i < n; i++)
        {
            a2 += state[i] * state[i];
            b2 += state[n + i] * state[n + i];
        }

        return Math.Sqrt(a2 * b2);
    }

    /// <inheritdoc />
    public ExceptionalCondition? FindExceptional(ReadOnlySpan<double> initial) => null;

    /// <inheritdoc />
    public double[] RandomInitialCondition(Random random) => Gaussian.Vector(random, _names.Length);

    private static double[,] DefaultSigmaTi(int width, double alpha)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        double[,] sigma = new double[width, width];
        for (int i = 0; i < width; i++)
        {
            sigma[i, i] = alpha / (i + 1);
        }

        return sigma;
    }

    private static double[,] ScaledIdentity(int width, double beta)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(beta);
        double[,] sigma = new double[width, width];
        for (int i = 0; i < width; i++)
        {
            sigma[i, i] = beta;
        }

        return sigma;
    }

    private static double Frobenius(double[,] matrix)
    {
        double sum = 0.0;
        foreach (double value in matrix)
        {
            sum += value * value;
        }

        return Math.Sqrt(sum);
    }
}

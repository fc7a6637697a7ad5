using System.Globalization;
using static NeuroLc.Simulator.Theory.SmallLinearAlgebra;

namespace NeuroLc.Simulator.Theory;

/// <summary>
/// The general linear A[N₀, N₁, …, N_L] with ARBP (section 5.7): forward matrices Aᵢ (Nᵢ×Nᵢ₋₁), adaptive
/// learning-channel matrices Cᵢ (Nᵢ×Nᵢ₊₁, i &lt; L, C_L = Id), P = A_L⋯A₁ and M = Σ_TI − PΣ_II. Eqs. 125–126:
/// dAᵢ/dt = Cᵢ⋯C_{L−1} M (Aᵢ₋₁⋯A₁)ᵗ and dCᵢ/dt = (Aᵢ⋯A₁) Mᵗ (Cᵢ₊₁⋯C_{L−1})ᵗ.
/// (Eq. 126 prints Aᵢ₋₁⋯A₁; the sizes, eq. 75 and Theorem 7 need Aᵢ⋯A₁.) Theorem 7: dCᵢ/dt = (dAᵢ₊₁/dt)ᵗ,
/// so Cᵢ = Aᵢ₊₁ᵗ + Kᵢ with Kᵢ constant; with every Kᵢ = 0 the flow is gradient descent on the error.
/// Defaults Σ_II = βI and (Σ_TI)_jj = α/(j+1). P_final and α/β are Frobenius norms (‖P‖, ‖Σ_TI Σ_II⁻¹‖); convergence
/// means settling. State order: A₁…A_L then C₁…C_{L−1}, each row-major, named A1_r_c / C1_r_c (1-based row r, column c).
/// </summary>
public sealed class GeneralLinearSystem : IOdeSystem
{
    private readonly int[] _sizes;
    private readonly int[] _aOffset;
    private readonly int[] _cOffset;
    private readonly double[,] _sigmaTi;
    private readonly double[,] _sigmaIi;
    private readonly string[] _names;
    private readonly Invariant[] _invariants;

    /// <summary>Creates the system with the default statistics.</summary>
    /// <param name="sizes">N₀, …, N_L (L ≥ 2, each ≥ 1).</param>
    /// <param name="alpha">Scale of Σ_TI.</param>
    /// <param name="beta">Scale of Σ_II, positive.</param>
    public GeneralLinearSystem(IReadOnlyList<int> sizes, double alpha, double beta)
    {
        if (sizes.Count < 3 || sizes.Any(n => n < 1))
        {
            throw new ArgumentException("A[N0,...,NL] needs L >= 2 layers of positive size.", nameof(sizes));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(beta);
        _sizes = [.. sizes];
        int l = _sizes.Length - 1;
        int n0 = _sizes[0];
        int nl = _sizes[l];
        _sigmaIi = new double[n0, n0];
        _sigmaTi = new double[nl, n0];
        for (int j = 0; j < n0; j++)
        {
            _sigmaIi[j, j] = beta;
            if (j < nl)
            {
                _sigmaTi[j, j] = alpha / (j + 1);
            }
        }

        Alpha = alpha;
        Beta = beta;
        double sum = 0.0;
        foreach (double v in SmallLinearAlgebra.SolveRight(_sigmaTi, _sigmaIi))
        {
            sum += v * v;
        }

        AlphaOverBeta = Math.Sqrt(sum);
        _aOffset = new int[l + 1];
        _cOffset = new int[l];
        List<string> names = [];
        for (int i = 1; i <= l; i++)
        {
            _aOffset[i] = names.Count;
            AddMatrixNames(names, "A", i, _sizes[i], _sizes[i - 1]);
        }

        for (int i = 1; i < l; i++)
        {
            _cOffset[i] = names.Count;
            AddMatrixNames(names, "C", i, _sizes[i], _sizes[i + 1]);
        }

        _names = [.. names];
        List<Invariant> invariants = [];
        for (int i = 1; i < l; i++)
        {
            for (int r = 0; r < _sizes[i]; r++)
            {
                for (int c = 0; c < _sizes[i + 1]; c++)
                {
                    // (Cᵢ)_rc − (Aᵢ₊₁)_cr = (Kᵢ)_rc.
                    int ci = _cOffset[i] + r * _sizes[i + 1] + c;
                    int ai = _aOffset[i + 1] + c * _sizes[i] + r;
                    string name = FormattableString.Invariant($"K{i}_{r + 1}_{c + 1}");
                    invariants.Add(new Invariant(
                        name,
                        FormattableString.Invariant($"C{i}_{r + 1}_{c + 1} - A{i + 1}_{c + 1}_{r + 1} = {name} (Theorem 7, section 5.7)"),
                        x => x[ci] - x[ai],
                        x => Math.Abs(x[ci]) + Math.Abs(x[ai])));
                }
            }
        }

        _invariants = [.. invariants];
        Name = "linear:" + string.Join(",", _sizes.Select(n => n.ToString(CultureInfo.InvariantCulture)));
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public string Description => $"A[{string.Join(",", _sizes)}] general linear ARBP, eqs. 125-126 (Theorem 7)";

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

    /// <summary>Layer sizes N₀…N_L.</summary>
    public IReadOnlyList<int> Sizes => _sizes;

    /// <summary>The error E = ½ tr(PΣ_II Pᵗ) − tr(PΣ_TIᵗ) (up to the constant ½E(TᵗT)), which gradient descent lowers.</summary>
    public double Error(ReadOnlySpan<double> state)
    {
        double[,] p = Product(state, _sizes.Length - 1);
        double[,] pSigma = Multiply(p, _sigmaIi);
        double error = 0.0;
        for (int r = 0; r < p.GetLength(0); r++)
        {
            for (int c = 0; c < p.GetLength(1); c++)
            {
                error += 0.5 * pSigma[r, c] * p[r, c] - p[r, c] * _sigmaTi[r, c];
            }
        }

        return error;
    }

    /// <inheritdoc />
    public void Derivative(ReadOnlySpan<double> state, Span<double> derivative)
    {
        int l = _sizes.Length - 1;
        double[,] m = Subtract(_sigmaTi, Multiply(Product(state, l), _sigmaIi));

        // Suffix products Cᵢ⋯C_{L−1} (N_i×N_L), built downwards; prefix products Aᵢ⋯A₁ built upwards.
        double[][,] suffix = new double[l + 1][,];
        suffix[l] = Identity(_sizes[l]);
        for (int i = l - 1; i >= 1; i--)
        {
            suffix[i] = Multiply(Matrix(state, _cOffset[i], _sizes[i], _sizes[i + 1]), suffix[i + 1]);
        }

        double[,] prefix = Identity(_sizes[0]);
        for (int i = 1; i <= l; i++)
        {
            // dAᵢ/dt = (Cᵢ⋯C_{L−1}) M (Aᵢ₋₁⋯A₁)ᵗ.
            Write(derivative, _aOffset[i], MultiplyTransposed(Multiply(suffix[i], m), prefix));
            prefix = Multiply(Matrix(state, _aOffset[i], _sizes[i], _sizes[i - 1]), prefix);
            if (i < l)
            {
                // dCᵢ/dt = (Aᵢ⋯A₁) Mᵗ (Cᵢ₊₁⋯C_{L−1})ᵗ = ((Cᵢ₊₁⋯C_{L−1}) M (Aᵢ⋯A₁)ᵗ)ᵗ.
                Write(derivative, _cOffset[i], Transpose(MultiplyTransposed(Multiply(suffix[i + 1], m), prefix)));
            }
        }
    }

    /// <inheritdoc />
    public double ErrorCritical(ReadOnlySpan<double> state)
    {
        double sum = 0.0;
        foreach (double v in Product(state, _sizes.Length - 1))
        {
            sum += v * v;
        }

        return Math.Sqrt(sum);
    }

    /// <inheritdoc />
    public ExceptionalCondition? FindExceptional(ReadOnlySpan<double> initial) => null;

    /// <inheritdoc />
    public double[] RandomInitialCondition(Random random) => Gaussian.Vector(random, _names.Length);

    private double[,] Product(ReadOnlySpan<double> state, int upTo)
    {
        double[,] p = Identity(_sizes[0]);
        for (int i = 1; i <= upTo; i++)
        {
            p = Multiply(Matrix(state, _aOffset[i], _sizes[i], _sizes[i - 1]), p);
        }

        return p;
    }

    private static void AddMatrixNames(List<string> names, string prefix, int index, int rows, int columns)
    {
        for (int r = 1; r <= rows; r++)
        {
            for (int c = 1; c <= columns; c++)
            {
                names.Add(FormattableString.Invariant($"{prefix}{index}_{r}_{c}"));
            }
        }
    }

    private static double[,] Matrix(ReadOnlySpan<double> state, int offset, int rows, int columns)
    {
        double[,] m = new double[rows, columns];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                m[r, c] = state[offset + r * columns + c];
            }
        }

        return m;
    }

    private static void Write(Span<double> target, int offset, double[,] m)
    {
        int columns = m.GetLength(1);
        for (int r = 0; r < m.GetLength(0); r++)
        {
            for (int c = 0; c < columns; c++)
            {
                target[offset + r * columns + c] = m[r, c];
            }
        }
    }
}

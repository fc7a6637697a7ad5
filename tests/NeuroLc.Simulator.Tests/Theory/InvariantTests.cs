using NeuroLc.Simulator.Theory;

namespace NeuroLc.Simulator.Tests.Theory;

/// <summary>
/// The invariants of section 5 checked literally, in the paper's form, at every accepted step of an integrated
/// trajectory: each equation's two sides agree to relative error ≤ 1e-6 (of the magnitude of its terms).
/// </summary>
public sealed class InvariantTests
{
    private const double Tolerance = 1e-6;

    private static Trajectory Integrate(IOdeSystem system, double[] initial, double endTime = 50.0)
    {
        TheoryResult result = TheoryRunner.Run(system, initial, endTime);
        Assert.True(result.Trajectory.Count > 20, $"{system.Name}: only {result.Trajectory.Count} samples");
        return result.Trajectory;
    }

    private static void AssertEqualRelative(double left, double right, double scale, string what)
    {
        Assert.True(Math.Abs(left - right) <= Tolerance * Math.Max(scale, 1e-300), $"{what}: {left} vs {right}");
    }

    [Fact]
    public void Theorem2AndEquation31HoldForA111()
    {
        IOdeSystem system = SystemCatalog.Create("a111", 0.7, 1.3);
        double[] x0 = [0.3, -1.2, 0.5];
        double k1 = x0[2] - x0[1];
        double j1 = x0[0] * x0[0] - x0[1] * x0[1] - 2.0 * k1 * x0[1];
        foreach (double[] x in Integrate(system, x0).States)
        {
            double a1 = x[0], a2 = x[1], c1 = x[2];
            AssertEqualRelative(c1 - a2, k1, Math.Abs(c1) + Math.Abs(a2), "Theorem 2: c1 - a2 = K1");
            AssertEqualRelative(a1 * a1, a2 * a2 + 2.0 * k1 * a2 + j1, a1 * a1 + a2 * a2 + Math.Abs(2.0 * k1 * a2) + Math.Abs(j1), "eq. 31");
        }
    }

    [Fact]
    public void Theorem4AndEquation78HoldAlongTheChain()
    {
        const int length = 4;
        IOdeSystem system = SystemCatalog.Create("chain:4", 1.0, 1.0);
        double[] x0 = [0.9, 0.8, -0.7, 1.1, 0.6, -0.5, 1.2];
        double[] k = new double[length - 1];
        double[] j = new double[length - 1];
        for (int i = 0; i < length - 1; i++)
        {
            k[i] = x0[length + i] - x0[i + 1];
            j[i] = x0[i] * x0[i] - x0[i + 1] * x0[i + 1] - 2.0 * k[i] * x0[i + 1];
        }

        foreach (double[] x in Integrate(system, x0).States)
        {
            for (int i = 0; i < length - 1; i++)
            {
                double a = x[i], next = x[i + 1], c = x[length + i];
                AssertEqualRelative(c, next + k[i], Math.Abs(c) + Math.Abs(next) + Math.Abs(k[i]), $"eq. 76, i = {i + 1}");
                AssertEqualRelative(a * a, next * next + 2.0 * k[i] * next + j[i], a * a + next * next + Math.Abs(2.0 * k[i] * next) + Math.Abs(j[i]), $"eq. 78, i = {i + 1}");
            }
        }
    }

    [Fact]
    public void Theorem4PrimeRelationsHoldForTheAsrbpChain()
    {
        const int length = 4;
        IOdeSystem system = SystemCatalog.Create("chain-asrbp:4", 1.0, 1.0);
        double[] x0 = [0.9, 0.8, -0.7, 1.1, 0.6, -0.5, 1.2];
        double[] k = new double[length - 1];
        for (int i = 0; i < length - 1; i++)
        {
            k[i] = x0[length + i] * x0[length + i] - x0[i] * x0[i];
        }

        double jLast = x0[length - 1] - x0[2 * length - 2];
        double mu1 = (x0[1] + x0[length + 1]) * Math.Exp(-x0[length]);
        double nu1 = (x0[1] - x0[length + 1]) * Math.Exp(x0[length]);
        foreach (double[] x in Integrate(system, x0).States)
        {
            for (int i = 0; i < length - 1; i++)
            {
                double a = x[i], c = x[length + i];
                AssertEqualRelative(c * c, a * a + k[i], c * c + a * a + Math.Abs(k[i]), $"eq. 83, i = {i + 1}");
            }

            AssertEqualRelative(x[length - 1], x[2 * length - 2] + jLast, Math.Abs(x[length - 1]) + Math.Abs(x[2 * length - 2]), "eq. 90");

            // eq. 87: a2 = (mu1 e^{c1} + nu1 e^{-c1})/2, c2 = (mu1 e^{c1} - nu1 e^{-c1})/2.
            double up = mu1 * Math.Exp(x[length]);
            double down = nu1 * Math.Exp(-x[length]);
            AssertEqualRelative(x[1], 0.5 * (up + down), Math.Abs(up) + Math.Abs(down), "eq. 87 a2");
            AssertEqualRelative(x[length + 1], 0.5 * (up - down), Math.Abs(up) + Math.Abs(down), "eq. 87 c2");
        }
    }

    [Fact]
    public void Theorem5RelationsHoldForA1N1()
    {
        const int n = 4;
        IOdeSystem system = SystemCatalog.Create("a1n1", 1.0, 2.0, n);
        double[] x0 = system.RandomInitialCondition(new Random(3));
        foreach (double[] x in Integrate(system, x0).States)
        {
            for (int i = 0; i < n; i++)
            {
                double a = x[i], b = x[n + i], c = x[2 * n + i];
                double k = x0[2 * n + i] - x0[n + i];
                double j = x0[i] * x0[i] + x0[n + i] * x0[n + i] - 2.0 * x0[2 * n + i] * x0[n + i];
                AssertEqualRelative(c, b + k, Math.Abs(c) + Math.Abs(b) + Math.Abs(k), "eq. 101");
                AssertEqualRelative(a * a, b * b + 2.0 * k * b + j, a * a + b * b + Math.Abs(2.0 * k * b) + Math.Abs(j), "eq. 103");
            }
        }
    }

    [Fact]
    public void Theorem6HoldsForAN1NWithGeneralStatistics()
    {
        // Non-diagonal statistics: Σ_II = LLᵗ + I, Σ_TI a random matrix.
        const int n = 3;
        Random random = new(11);
        double[,] l = new double[n, n];
        double[,] sigmaTi = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                l[i, j] = random.NextDouble() - 0.5;
                sigmaTi[i, j] = random.NextDouble() - 0.5;
            }
        }

        double[,] sigmaIi = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                for (int m = 0; m < n; m++)
                {
                    sigmaIi[i, j] += l[i, m] * l[j, m];
                }
            }

            sigmaIi[i, i] += 1.0;
        }

        CompressiveSystem system = new(sigmaTi, sigmaIi, 1.0, 1.0);
        double[] x0 = system.RandomInitialCondition(new Random(5));
        Trajectory trajectory = Integrate(system, x0, 200.0);
        foreach (double[] x in trajectory.States)
        {
            for (int i = 0; i < n; i++)
            {
                double k = x0[2 * n + i] - x0[n + i];
                AssertEqualRelative(x[2 * n + i], x[n + i] + k, Math.Abs(x[2 * n + i]) + Math.Abs(x[n + i]) + Math.Abs(k), "Theorem 6: C = B^t + K");
            }
        }

        // The run moved: the invariant is not trivially satisfied by a frozen state.
        Assert.True(Math.Abs(trajectory.States[^1][n] - x0[n]) > 1e-2);
    }

    [Theory]
    [InlineData(2.0, new[] { -0.4, 0.3, 0.8 })]
    [InlineData(3.0, new[] { 0.6, -0.9, 0.2 })]
    [InlineData(1.5, new[] { 0.5, -0.2, 0.7 })]
    public void Theorem7InvariantsHoldForThePowerSystem(double mu, double[] x0)
    {
        IOdeSystem system = new PowerSystem(mu, 1.0, 1.0);
        double k1 = x0[2] - x0[1];
        double k = mu * x0[2] * x0[2] - x0[0] * x0[0];
        foreach (double[] x in Integrate(system, x0).States)
        {
            AssertEqualRelative(x[2], x[1] + k1, Math.Abs(x[2]) + Math.Abs(x[1]) + Math.Abs(k1), "c1 = a2 + K1");
            AssertEqualRelative(mu * x[2] * x[2] - x[0] * x[0], k, mu * x[2] * x[2] + x[0] * x[0], "eq. 134");
        }
    }

    [Fact]
    public void DriftMeasureDetectsAViolatedInvariant()
    {
        // Twin of the tests above: a perturbed system (da2/dt scaled by 1.01) must break c1 − a2 = K1.
        IOdeSystem exact = SystemCatalog.Create("a111", 1.0, 1.0);
        PerturbedSystem perturbed = new(exact);
        TheoryResult result = TheoryRunner.Run(perturbed, new[] { 0.3, -1.2, 0.5 }, 50.0);
        Assert.True(result.MaxInvariantDrift > 1e-4, $"drift {result.MaxInvariantDrift}");
    }

    private sealed class PerturbedSystem(IOdeSystem inner) : IOdeSystem
    {
        public string Name => inner.Name;

        public string Description => inner.Description;

        public double Alpha => inner.Alpha;

        public double Beta => inner.Beta;

        public IReadOnlyList<string> VariableNames => inner.VariableNames;

        public IReadOnlyList<Invariant> Invariants => inner.Invariants;

        public bool HasScalarTarget => inner.HasScalarTarget;

        public double AlphaOverBeta => inner.AlphaOverBeta;

        public void Derivative(ReadOnlySpan<double> state, Span<double> derivative)
        {
            inner.Derivative(state, derivative);
            derivative[1] *= 1.01;
        }

        public double ErrorCritical(ReadOnlySpan<double> state) => inner.ErrorCritical(state);

        public ExceptionalCondition? FindExceptional(ReadOnlySpan<double> initial) => inner.FindExceptional(initial);

        public double[] RandomInitialCondition(Random random) => inner.RandomInitialCondition(random);
    }
}

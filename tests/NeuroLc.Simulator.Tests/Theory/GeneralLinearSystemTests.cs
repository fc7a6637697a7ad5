using NeuroLc.Simulator.Theory;

namespace NeuroLc.Simulator.Tests.Theory;

/// <summary>The general linear ARBP system of section 5.7 (eqs. 125–126) and Theorem 7.</summary>
public sealed class GeneralLinearSystemTests
{
    private static double[] Derivative(IOdeSystem system, double[] state)
    {
        double[] d = new double[state.Length];
        system.Derivative(state, d);
        return d;
    }

    [Fact]
    public void ReducesToTheScalarChainAndToAN1N()
    {
        Random random = new(4);
        (IOdeSystem General, IOdeSystem Special)[] pairs =
        [
            (SystemCatalog.Create("linear:1,1,1,1", 0.8, 1.7), SystemCatalog.Create("chain:3", 0.8, 1.7)),
            (SystemCatalog.Create("linear:1,1,1,1,1,1", 1.0, 2.0), SystemCatalog.Create("chain:5", 1.0, 2.0)),
            (SystemCatalog.Create("linear:4,1,4", 1.3, 0.6), SystemCatalog.Create("an1n", 1.3, 0.6, 4)),
        ];
        foreach ((IOdeSystem general, IOdeSystem special) in pairs)
        {
            Assert.Equal(special.VariableNames.Count, general.VariableNames.Count);
            for (int trial = 0; trial < 20; trial++)
            {
                double[] x = general.RandomInitialCondition(random);
                double[] expected = Derivative(special, x);
                double[] actual = Derivative(general, x);
                for (int i = 0; i < x.Length; i++)
                {
                    Assert.Equal(expected[i], actual[i], 1e-12 * Math.Max(1.0, Math.Abs(expected[i])));
                }
            }
        }
    }

    [Fact]
    public void Theorem7CEqualsATransposePlusKAlongTrajectories()
    {
        IOdeSystem system = SystemCatalog.Create("linear:3,4,2,3", 1.0, 1.0);
        Random random = new(8);
        for (int run = 0; run < 3; run++)
        {
            TheoryResult result = TheoryRunner.Run(system, system.RandomInitialCondition(random), 20.0, recordTrajectory: false);
            Assert.True(result.MaxInvariantDrift <= 1e-6, $"run {run}: drift {result.MaxInvariantDrift}");
            Assert.True(result.Report.AcceptedSteps > 10);
        }
    }

    [Fact]
    public void WithZeroKTheFlowIsGradientDescent()
    {
        // Theorem 7: Cᵢ = Aᵢ₊₁ᵗ at t = 0 makes dAᵢ/dt = −∂E/∂Aᵢ, checked against central differences, and E decreases.
        GeneralLinearSystem system = (GeneralLinearSystem)SystemCatalog.Create("linear:2,3,3,2", 1.0, 1.0);
        double[] x = system.RandomInitialCondition(new Random(12));
        int[] n = [.. system.Sizes];
        int aCount = n[1] * n[0] + n[2] * n[1] + n[3] * n[2];
        int c1 = aCount;
        int c2 = aCount + n[1] * n[2];
        int a2 = n[1] * n[0];
        int a3 = a2 + n[2] * n[1];
        for (int r = 0; r < n[1]; r++)
        {
            for (int c = 0; c < n[2]; c++)
            {
                x[c1 + r * n[2] + c] = x[a2 + c * n[1] + r];
            }
        }

        for (int r = 0; r < n[2]; r++)
        {
            for (int c = 0; c < n[3]; c++)
            {
                x[c2 + r * n[3] + c] = x[a3 + c * n[2] + r];
            }
        }

        double[] flow = Derivative(system, x);
        for (int i = 0; i < aCount; i++)
        {
            double[] plus = (double[])x.Clone();
            double[] minus = (double[])x.Clone();
            plus[i] += 1e-6;
            minus[i] -= 1e-6;
            double gradient = (system.Error(plus) - system.Error(minus)) / 2e-6;
            Assert.Equal(-gradient, flow[i], 1e-6);
        }

        TheoryResult result = TheoryRunner.Run(system, x, 100.0);
        double previous = double.PositiveInfinity;
        foreach (double[] state in result.Trajectory.States)
        {
            double error = system.Error(state);
            Assert.True(error <= previous + 1e-12, $"E rose from {previous} to {error}");
            previous = error;
        }
    }

    [Fact]
    public void WideEnoughNetworksSettleAtTheOptimum()
    {
        // At a fixed point C₁M = 0 (dA₁/dt = 0); a 3×2 C₁ of full column rank forces M = 0, i.e. P = Σ_TI Σ_II⁻¹.
        IOdeSystem system = SystemCatalog.Create("linear:2,3,2", 1.0, 1.0);
        Random random = new(21);
        int optimal = 0;
        for (int run = 0; run < 20; run++)
        {
            TheoryResult result = TheoryRunner.Run(system, system.RandomInitialCondition(random), 1e4, recordTrajectory: false);
            if (result.Converged && Math.Abs(result.PFinal - result.AlphaOverBeta) <= 1e-6)
            {
                optimal++;
            }
        }

        Assert.True(optimal >= 18, $"{optimal} of 20 settled at the optimum");
    }

    [Theory]
    [InlineData("linear:2,3")]
    [InlineData("linear:2,0,2")]
    [InlineData("linear:2,x,2")]
    public void BadSizesAreRejected(string name)
    {
        Assert.Throws<TheoryInputException>(() => SystemCatalog.Create(name, 1.0, 1.0));
    }
}

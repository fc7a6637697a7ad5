using NeuroLc.Simulator.Theory;

namespace NeuroLc.Simulator.Tests.Theory;

/// <summary>The exceptional initial conditions named in section 5 are detected, reported, and really fail to reach α − βP = 0.</summary>
public sealed class ExceptionalInitialConditionTests
{
    [Fact]
    public void TheCounterExampleOfEquation84IsDetectedAndDiverges()
    {
        // Theorem 4′ proof: c1 = a1 = f, a2 = e^{−f}, c2 = a3 = −a2 solve eq. 55 (α = β = 1) when f′ = f(1 + f e^{−2f}).
        IOdeSystem system = SystemCatalog.Create("a1111-asrbp", 1.0, 1.0);
        double f0 = 0.5;
        double[] x0 = [f0, Math.Exp(-f0), -Math.Exp(-f0), f0, -Math.Exp(-f0)];
        Assert.NotNull(system.FindExceptional(x0));
        Assert.Contains("Theorem 3'/4'", system.FindExceptional(x0)!.Theorem, StringComparison.Ordinal);

        double[] x = (double[])x0.Clone();
        new DormandPrince45().Integrate(system.Derivative, x, 0.0, 5.0);
        double[] f = [f0];
        new RungeKutta4(1e-3).Integrate((s, d) => d[0] = s[0] * (1.0 + s[0] * Math.Exp(-2.0 * s[0])), f, 0.0, 5.0);
        Assert.Equal(f[0], x[0], 1e-8 * f[0]);
        Assert.Equal(f[0], x[3], 1e-8 * f[0]);
        Assert.Equal(Math.Exp(-f[0]), x[1], 1e-8);

        // The run keeps going up (f ≈ e^t) and never settles; it is reported, not counted as a failure.
        TheoryResult result = TheoryRunner.Run(system, x0, 8.0, recordTrajectory: false);
        Assert.Equal(TheoryOutcome.NotConverged, result.Outcome);
        Assert.True(result.Final[0] > 1000.0, $"a1(8) = {result.Final[0]}");
        Assert.NotNull(result.Exceptional);
        Assert.Contains("\"exceptional\":\"Theorem 3'/4'", result.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void ZeroKInTheLongAsrbpChainIsReported()
    {
        IOdeSystem system = SystemCatalog.Create("chain-asrbp:5", 1.0, 1.0);
        double[] x0 = system.RandomInitialCondition(new Random(1));
        Assert.Null(system.FindExceptional(x0));
        x0[5 + 2] = -x0[2];
        ExceptionalCondition? exceptional = system.FindExceptional(x0);
        Assert.NotNull(exceptional);
        Assert.Equal("Theorem 4'", exceptional.Theorem);
        Assert.Contains("c3^2 = a3^2", exceptional.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Theorem5ZeroR0IsDetectedAndDoesNotReachTheMinimum()
    {
        // R0 = (A(0) + C(0))/2 = 0: A decays (A′ = −ξA), P stays below α/β and the state settles at A = C = 0.
        IOdeSystem system = SystemCatalog.Create("a1n1", 1.0, 1.0, 3);
        double[] x0 = [0.5, 0.3, -0.2, 0.4, -0.1, 0.6, -0.5, -0.3, 0.2];
        ExceptionalCondition? exceptional = system.FindExceptional(x0);
        Assert.NotNull(exceptional);
        Assert.Equal("Theorem 5", exceptional.Theorem);

        TheoryResult result = TheoryRunner.Run(system, x0, 200.0, recordTrajectory: false);
        Assert.False(result.Converged);
        Assert.True(Math.Abs(1.0 - result.PFinal) > 0.5, $"P = {result.PFinal}");
        for (int i = 0; i < 3; i++)
        {
            Assert.True(Math.Abs(result.Final[i]) < 1e-6, $"a{i + 1} = {result.Final[i]}");
        }

        // Perturbing R0 off zero restores convergence (the set has measure zero).
        x0[6] += 0.05;
        Assert.Null(system.FindExceptional(x0));
        Assert.True(TheoryRunner.Run(system, x0, 1e4, recordTrajectory: false).Converged);
    }

    [Fact]
    public void A111WithA1EqualToMinusC1DecaysToTheTrivialFixedPoint()
    {
        // a1 = −c1 makes J1 = a1² − c1² = 0: a1 = −c1 decays while P stays below α/β (the paper's Theorem 2 overlooks it).
        IOdeSystem system = SystemCatalog.Create("a111", 1.0, 1.0);
        double[] x0 = [0.1, 0.0, -0.1];
        Assert.NotNull(system.FindExceptional(x0));
        TheoryResult result = TheoryRunner.Run(system, x0, 200.0, recordTrajectory: false);
        Assert.Equal(TheoryOutcome.SettledAwayFromMinimum, result.Outcome);
        Assert.True(Math.Abs(result.Final[0]) < 1e-6 && Math.Abs(result.Final[2]) < 1e-6);
    }

    [Fact]
    public void StdpWithFrozenWeightsIsReported()
    {
        IOdeSystem system = SystemCatalog.Create("a111-stdp", 1.0, 1.0);
        TheoryResult result = TheoryRunner.Run(system, new[] { 0.0, 0.7, 0.0 }, 100.0);
        Assert.NotNull(result.Exceptional);
        Assert.False(result.Converged);
        Assert.Equal(0.7, result.Final[1]);
    }

    [Fact]
    public void RandomInitialConditionsAreNotFlagged()
    {
        foreach (string name in new[] { "a111", "a1111-asrbp", "chain-asrbp:6", "a1n1", "mu:2.5" })
        {
            IOdeSystem system = SystemCatalog.Create(name, 1.0, 1.0);
            Random random = new(9);
            for (int i = 0; i < 100; i++)
            {
                Assert.Null(system.FindExceptional(system.RandomInitialCondition(random)));
            }
        }
    }
}

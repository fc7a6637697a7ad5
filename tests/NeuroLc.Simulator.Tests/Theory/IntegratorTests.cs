using NeuroLc.Simulator.Theory;

namespace NeuroLc.Simulator.Tests.Theory;

/// <summary>Order and accuracy of the integrators on the harmonic oscillator x″ = −x, whose solution is (cos t, −sin t).</summary>
public sealed class IntegratorTests
{
    private static void Oscillator(ReadOnlySpan<double> x, Span<double> dx)
    {
        dx[0] = x[1];
        dx[1] = -x[0];
    }

    private static double ErrorAt(IOdeIntegrator integrator, double endTime)
    {
        double[] state = [1.0, 0.0];
        integrator.Integrate(Oscillator, state, 0.0, endTime);
        return Math.Max(Math.Abs(state[0] - Math.Cos(endTime)), Math.Abs(state[1] + Math.Sin(endTime)));
    }

    [Fact]
    public void RungeKutta4IsFourthOrder()
    {
        double coarse = ErrorAt(new RungeKutta4(0.1), 10.0);
        double fine = ErrorAt(new RungeKutta4(0.05), 10.0);
        double order = Math.Log2(coarse / fine);
        Assert.InRange(order, 3.8, 4.2);
        Assert.True(fine < 1e-5, $"RK4 error {fine}");
    }

    [Fact]
    public void DormandPrince45IsFifthOrderWhenTheStepIsImposed()
    {
        // A loose tolerance never rejects and the controller wants larger steps, so MaxStep fixes the step and the
        // global error shows the order of the propagated solution.
        double coarse = ErrorAt(new DormandPrince45(1e-2, 1e-2, maxStep: 0.2), 10.0);
        double fine = ErrorAt(new DormandPrince45(1e-2, 1e-2, maxStep: 0.1), 10.0);
        double order = Math.Log2(coarse / fine);
        Assert.InRange(order, 4.6, 5.6);
    }

    [Theory]
    [InlineData(1e-6, 1e-4)]
    [InlineData(1e-9, 1e-7)]
    [InlineData(1e-12, 1e-10)]
    public void DormandPrince45MeetsItsTolerance(double tolerance, double bound)
    {
        DormandPrince45 integrator = new(tolerance, tolerance);
        Assert.True(ErrorAt(integrator, 10.0) < bound);
    }

    [Fact]
    public void DormandPrince45AdaptsItsStep()
    {
        // y′ = −50(y − cos t) as an autonomous system: fast transient, then slow; an adaptive method takes
        // far fewer steps than the smallest step it needs would imply.
        static void Stiffish(ReadOnlySpan<double> x, Span<double> dx)
        {
            dx[0] = -50.0 * (x[0] - Math.Cos(x[1]));
            dx[1] = 1.0;
        }

        double[] state = [0.0, 0.0];
        IntegrationReport report = new DormandPrince45(1e-8, 1e-10).Integrate(Stiffish, state, 0.0, 20.0);
        Assert.Equal(IntegrationStatus.ReachedEnd, report.Status);
        Assert.Equal(20.0, report.FinalTime);

        // Exact: y = (2500 cos t + 50 sin t)/2501 − (2500/2501) e^{−50t}.
        double exact = (2500.0 * Math.Cos(20.0) + 50.0 * Math.Sin(20.0)) / 2501.0;
        Assert.True(Math.Abs(state[0] - exact) < 1e-7, $"y(20) = {state[0]}, exact {exact}");
    }

    [Fact]
    public void ObserverCanStopTheIntegration()
    {
        double[] state = [1.0, 0.0];
        IntegrationReport report = new RungeKutta4(0.01).Integrate(Oscillator, state, 0.0, 10.0, (t, _) => t < 1.0);
        Assert.Equal(IntegrationStatus.StoppedByObserver, report.Status);
        Assert.Equal(1.0, report.FinalTime, 1e-12);
        Assert.Equal(Math.Cos(1.0), state[0], 1e-8);
    }

    [Fact]
    public void RungeKutta4AndDormandPrince45AgreeOnEveryCatalogSystem()
    {
        foreach (string name in new[] { "a111", "a111-stdp", "a1111", "a1111-asrbp", "chain:4", "chain-asrbp:4", "a1n1", "an1n", "mu:2", "mu:1.5" })
        {
            IOdeSystem system = SystemCatalog.Create(name, 1.0, 1.0, SystemCatalog.TakesWidth(name) ? 3 : null);
            double[] initial = system.RandomInitialCondition(new Random(7));
            double[] byRk4 = (double[])initial.Clone();
            double[] byDp45 = (double[])initial.Clone();
            new RungeKutta4(1e-3).Integrate(system.Derivative, byRk4, 0.0, 3.0);
            new DormandPrince45(1e-12, 1e-14).Integrate(system.Derivative, byDp45, 0.0, 3.0);
            for (int i = 0; i < initial.Length; i++)
            {
                Assert.True(Math.Abs(byRk4[i] - byDp45[i]) <= 1e-9 * Math.Max(1.0, Math.Abs(byDp45[i])), $"{name} {system.VariableNames[i]}: RK4 {byRk4[i]} vs DP45 {byDp45[i]}");
            }
        }
    }
}

namespace NeuroLc.Simulator.Theory;

/// <summary>
/// The classical fourth-order Runge–Kutta method with a fixed step h:
/// x_{n+1} = x_n + h/6 (k₁ + 2k₂ + 2k₃ + k₄), k₁ = f(x_n), k₂ = f(x_n + h/2 k₁), k₃ = f(x_n + h/2 k₂), k₄ = f(x_n + h k₃).
/// Global error O(h⁴). The last step is shortened so the integration ends exactly at the end time.
/// </summary>
public sealed class RungeKutta4 : IOdeIntegrator
{
    private readonly double _step;

    /// <summary>Creates the integrator.</summary>
    /// <param name="step">The step h, finite and positive.</param>
    public RungeKutta4(double step)
    {
        if (!double.IsFinite(step) || step <= 0.0)
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, "The RK4 step must be finite and positive.");
        }

        _step = step;
    }

    /// <summary>The fixed step h.</summary>
    public double Step => _step;

    /// <inheritdoc />
    public string Name => FormattableString.Invariant($"RK4(h={_step})");

    /// <inheritdoc />
    public IntegrationReport Integrate(OdeFunction function, Span<double> state, double startTime, double endTime, StepObserver? observer = null)
    {
        int n = state.Length;
        double[] buffer = new double[5 * n];
        Span<double> k1 = buffer.AsSpan(0, n);
        Span<double> k2 = buffer.AsSpan(n, n);
        Span<double> k3 = buffer.AsSpan(2 * n, n);
        Span<double> k4 = buffer.AsSpan(3 * n, n);
        Span<double> stage = buffer.AsSpan(4 * n, n);

        // Counting steps instead of accumulating t += h keeps the step count exact for long runs.
        long stepCount = (long)Math.Ceiling((endTime - startTime) / _step - 1e-9);
        double time = startTime;
        for (long s = 0; s < stepCount; s++)
        {
            double next = s == stepCount - 1 ? endTime : startTime + (s + 1) * _step;
            double h = next - time;
            function(state, k1);
            Axpy(state, 0.5 * h, k1, stage);
            function(stage, k2);
            Axpy(state, 0.5 * h, k2, stage);
            function(stage, k3);
            Axpy(state, h, k3, stage);
            function(stage, k4);
            for (int i = 0; i < n; i++)
            {
                state[i] += h / 6.0 * (k1[i] + 2.0 * k2[i] + 2.0 * k3[i] + k4[i]);
            }

            time = next;
            if (observer is not null && !observer(time, state))
            {
                return new IntegrationReport(time, IntegrationStatus.StoppedByObserver, s + 1, 0);
            }
        }

        return new IntegrationReport(time, IntegrationStatus.ReachedEnd, Math.Max(stepCount, 0), 0);
    }

    private static void Axpy(ReadOnlySpan<double> x, double a, ReadOnlySpan<double> y, Span<double> result)
    {
        for (int i = 0; i < x.Length; i++)
        {
            result[i] = x[i] + a * y[i];
        }
    }
}

namespace NeuroLc.Simulator.Theory;

/// <summary>
/// The adaptive Dormand–Prince 5(4) method (Dormand &amp; Prince 1980; Hairer, Nørsett &amp; Wanner, Solving ODEs I,
/// section II.5): seven stages with first-same-as-last, the fifth-order solution is propagated and the embedded
/// fourth-order one gives the local error estimate e. A step is accepted when
/// ‖e‖ = sqrt(mean((eᵢ / (atol + rtol·max(|xᵢ|, |x̂ᵢ|)))²)) ≤ 1, and the next step is h·min(5, max(0.2, 0.9‖e‖^(−1/5))).
/// Every accepted step is reported to the observer; <see cref="MaxStep"/> bounds the gap between reports so
/// invariants can be checked densely along the trajectory.
/// </summary>
public sealed class DormandPrince45 : IOdeIntegrator
{
    private const double C2 = 1.0 / 5, C3 = 3.0 / 10, C4 = 4.0 / 5, C5 = 8.0 / 9;
    private const double A21 = 1.0 / 5;
    private const double A31 = 3.0 / 40, A32 = 9.0 / 40;
    private const double A41 = 44.0 / 45, A42 = -56.0 / 15, A43 = 32.0 / 9;
    private const double A51 = 19372.0 / 6561, A52 = -25360.0 / 2187, A53 = 64448.0 / 6561, A54 = -212.0 / 729;
    private const double A61 = 9017.0 / 3168, A62 = -355.0 / 33, A63 = 46732.0 / 5247, A64 = 49.0 / 176, A65 = -5103.0 / 18656;
    private const double B1 = 35.0 / 384, B3 = 500.0 / 1113, B4 = 125.0 / 192, B5 = -2187.0 / 6784, B6 = 11.0 / 84;

    // Fifth-order weights minus the embedded fourth-order weights (5179/57600, 0, 7571/16695, 393/640, −92097/339200, 187/2100, 1/40).
    private const double E1 = 71.0 / 57600, E3 = -71.0 / 16695, E4 = 71.0 / 1920, E5 = -17253.0 / 339200, E6 = 22.0 / 525, E7 = -1.0 / 40;

    /// <summary>Creates the integrator.</summary>
    /// <param name="relativeTolerance">rtol, positive.</param>
    /// <param name="absoluteTolerance">atol, positive.</param>
    /// <param name="maxStep">Largest step allowed (positive; infinity for none).</param>
    /// <param name="maxSteps">Budget of trial steps (accepted + rejected) after which the integration gives up.</param>
    public DormandPrince45(double relativeTolerance = 1e-10, double absoluteTolerance = 1e-12, double maxStep = double.PositiveInfinity, long maxSteps = 2_000_000)
    {
        if (!(relativeTolerance > 0.0) || !(absoluteTolerance > 0.0) || !(maxStep > 0.0) || maxSteps <= 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(relativeTolerance),
                "DormandPrince45 needs positive relative tolerance, absolute tolerance, maximum step and step budget.");
        }

        RelativeTolerance = relativeTolerance;
        AbsoluteTolerance = absoluteTolerance;
        MaxStep = maxStep;
        MaxSteps = maxSteps;
    }

    /// <summary>Budget of trial steps; a stiff stretch (e.g. the super-exponential instability around eq. 84) ends there.</summary>
    public long MaxSteps { get; }

    /// <summary>rtol of the error norm.</summary>
    public double RelativeTolerance { get; }

    /// <summary>atol of the error norm.</summary>
    public double AbsoluteTolerance { get; }

    /// <summary>Largest step taken, bounding the gap between observed states.</summary>
    public double MaxStep { get; }

    /// <inheritdoc />
    public string Name => FormattableString.Invariant($"DP45(rtol={RelativeTolerance}, atol={AbsoluteTolerance})");

    /// <inheritdoc />
    public IntegrationReport Integrate(OdeFunction function, Span<double> state, double startTime, double endTime, StepObserver? observer = null)
    {
        if (!(endTime > startTime))
        {
            return new IntegrationReport(startTime, IntegrationStatus.ReachedEnd, 0, 0);
        }

        int n = state.Length;
        double[] buffer = new double[9 * n];
        Span<double> k1 = buffer.AsSpan(0, n);
        Span<double> k2 = buffer.AsSpan(n, n);
        Span<double> k3 = buffer.AsSpan(2 * n, n);
        Span<double> k4 = buffer.AsSpan(3 * n, n);
        Span<double> k5 = buffer.AsSpan(4 * n, n);
        Span<double> k6 = buffer.AsSpan(5 * n, n);
        Span<double> k7 = buffer.AsSpan(6 * n, n);
        Span<double> stage = buffer.AsSpan(7 * n, n);
        Span<double> next = buffer.AsSpan(8 * n, n);

        double time = startTime;
        long accepted = 0;
        long rejected = 0;
        function(state, k1);
        double h = Math.Min(InitialStep(function, state, k1, stage, k2, endTime - startTime), MaxStep);
        while (time < endTime)
        {
            h = Math.Min(h, endTime - time);
            if (h <= 1e-14 * Math.Max(1.0, Math.Abs(time)))
            {
                return new IntegrationReport(time, IntegrationStatus.StepSizeUnderflow, accepted, rejected);
            }

            if (accepted + rejected >= MaxSteps)
            {
                return new IntegrationReport(time, IntegrationStatus.StepBudgetExhausted, accepted, rejected);
            }

            for (int i = 0; i < n; i++)
            {
                stage[i] = state[i] + h * A21 * k1[i];
            }

            function(stage, k2);
            for (int i = 0; i < n; i++)
            {
                stage[i] = state[i] + h * (A31 * k1[i] + A32 * k2[i]);
            }

            function(stage, k3);
            for (int i = 0; i < n; i++)
            {
                stage[i] = state[i] + h * (A41 * k1[i] + A42 * k2[i] + A43 * k3[i]);
            }

            function(stage, k4);
            for (int i = 0; i < n; i++)
            {
                stage[i] = state[i] + h * (A51 * k1[i] + A52 * k2[i] + A53 * k3[i] + A54 * k4[i]);
            }

            function(stage, k5);
            for (int i = 0; i < n; i++)
            {
                stage[i] = state[i] + h * (A61 * k1[i] + A62 * k2[i] + A63 * k3[i] + A64 * k4[i] + A65 * k5[i]);
            }

            function(stage, k6);
            for (int i = 0; i < n; i++)
            {
                next[i] = state[i] + h * (B1 * k1[i] + B3 * k3[i] + B4 * k4[i] + B5 * k5[i] + B6 * k6[i]);
            }

            function(next, k7);
            double sum = 0.0;
            for (int i = 0; i < n; i++)
            {
                double error = h * (E1 * k1[i] + E3 * k3[i] + E4 * k4[i] + E5 * k5[i] + E6 * k6[i] + E7 * k7[i]);
                double scale = AbsoluteTolerance + RelativeTolerance * Math.Max(Math.Abs(state[i]), Math.Abs(next[i]));
                sum += error / scale * (error / scale);
            }

            double norm = n > 0 ? Math.Sqrt(sum / n) : 0.0;
            if (!double.IsFinite(norm) || norm > 1.0)
            {
                // A non-finite estimate (overflow in f) is treated as a very large error: shrink hard and retry.
                rejected++;
                h *= double.IsFinite(norm) ? Math.Max(0.2, 0.9 * Math.Pow(norm, -0.2)) : 0.2;
                continue;
            }

            time = time + h >= endTime ? endTime : time + h;
            next.CopyTo(state);
            k7.CopyTo(k1);
            accepted++;
            if (observer is not null && !observer(time, state))
            {
                return new IntegrationReport(time, IntegrationStatus.StoppedByObserver, accepted, rejected);
            }

            double factor = norm == 0.0 ? 5.0 : Math.Min(5.0, Math.Max(0.2, 0.9 * Math.Pow(norm, -0.2)));
            h = Math.Min(h * factor, MaxStep);
        }

        return new IntegrationReport(time, IntegrationStatus.ReachedEnd, accepted, rejected);
    }

    /// <summary>Starting step of Hairer, Nørsett &amp; Wanner (II.4): h from ‖x‖/‖f‖ and a second-derivative estimate.</summary>
    private double InitialStep(OdeFunction function, ReadOnlySpan<double> state, ReadOnlySpan<double> f0, Span<double> probe, Span<double> f1, double span)
    {
        int n = state.Length;
        double d0 = 0.0;
        double d1 = 0.0;
        for (int i = 0; i < n; i++)
        {
            double scale = AbsoluteTolerance + RelativeTolerance * Math.Abs(state[i]);
            d0 += state[i] / scale * (state[i] / scale);
            d1 += f0[i] / scale * (f0[i] / scale);
        }

        d0 = Math.Sqrt(d0 / Math.Max(n, 1));
        d1 = Math.Sqrt(d1 / Math.Max(n, 1));
        double h0 = d0 < 1e-5 || d1 < 1e-5 ? 1e-6 : 0.01 * d0 / d1;
        h0 = Math.Min(h0, span);
        for (int i = 0; i < n; i++)
        {
            probe[i] = state[i] + h0 * f0[i];
        }

        function(probe, f1);
        double d2 = 0.0;
        for (int i = 0; i < n; i++)
        {
            double scale = AbsoluteTolerance + RelativeTolerance * Math.Abs(state[i]);
            double difference = (f1[i] - f0[i]) / scale;
            d2 += difference * difference;
        }

        d2 = Math.Sqrt(d2 / Math.Max(n, 1)) / h0;
        double largest = Math.Max(d1, d2);
        double h1 = largest <= 1e-15 ? Math.Max(1e-6, h0 * 1e-3) : Math.Pow(0.01 / largest, 0.2);
        double h = Math.Min(100.0 * h0, h1);
        return double.IsFinite(h) && h > 0.0 ? Math.Min(h, span) : Math.Min(1e-6, span);
    }
}

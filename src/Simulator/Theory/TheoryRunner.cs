namespace NeuroLc.Simulator.Theory;

/// <summary>
/// Integrates a section-5 system with <see cref="DormandPrince45"/> (rtol 1e-10, atol 1e-12) until it converges,
/// diverges or reaches the end time, checking the invariants at every accepted step. Entry point of
/// <c>neurolc theory</c>.
/// </summary>
public static class TheoryRunner
{
    /// <summary>Runs a validated request, recording the trajectory.</summary>
    public static TheoryResult Run(TheoryRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Run(request.System, request.InitialCondition.ToArray(), request.EndTime);
    }

    /// <summary>Integrates <paramref name="system"/> from <paramref name="initial"/> to at most <paramref name="endTime"/>.</summary>
    /// <param name="system">The system.</param>
    /// <param name="initial">Initial state (not modified).</param>
    /// <param name="endTime">Largest time integrated to.</param>
    /// <param name="integrator">Integrator; default Dormand–Prince 5(4) with rtol 1e-10, atol 1e-12.</param>
    /// <param name="recordTrajectory">Whether to keep every accepted step.</param>
    /// <param name="criteria">Convergence criteria; default <see cref="ConvergenceCriteria.Default"/>.</param>
    public static TheoryResult Run(
        IOdeSystem system,
        ReadOnlySpan<double> initial,
        double endTime,
        IOdeIntegrator? integrator = null,
        bool recordTrajectory = true,
        ConvergenceCriteria? criteria = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        if (initial.Length != system.VariableNames.Count)
        {
            throw new ArgumentException($"{system.Name} has {system.VariableNames.Count} variables; the initial state has {initial.Length}.", nameof(initial));
        }

        integrator ??= new DormandPrince45();
        TrajectoryMonitor monitor = new(system, initial, criteria ?? ConvergenceCriteria.Default, recordTrajectory);
        double[] state = initial.ToArray();
        IntegrationReport report = new(0.0, IntegrationStatus.ReachedEnd, 0, 0);
        if (monitor.Outcome is not (TheoryOutcome.Converged or TheoryOutcome.Diverged))
        {
            report = integrator.Integrate(system.Derivative, state, 0.0, endTime, monitor.Observe);
        }

        TheoryOutcome outcome = report.Status == IntegrationStatus.StepSizeUnderflow && monitor.Outcome != TheoryOutcome.Diverged
            ? TheoryOutcome.IntegrationFailed
            : monitor.Finish(state);
        return new TheoryResult(
            system,
            initial.ToArray(),
            state,
            outcome,
            system.FindExceptional(initial),
            monitor.InvariantDrifts,
            report,
            integrator.Name,
            monitor.Trajectory);
    }
}

namespace NeuroLc.Simulator.Theory;

/// <summary>Why an integration ended.</summary>
public enum IntegrationStatus
{
    /// <summary>The end time was reached.</summary>
    ReachedEnd,

    /// <summary>The <see cref="StepObserver"/> asked to stop (e.g. the trajectory converged or blew up).</summary>
    StoppedByObserver,

    /// <summary>The adaptive step size fell below what the time resolution allows (singularity or non-finite state).</summary>
    StepSizeUnderflow,

    /// <summary>The adaptive integrator used up its step budget before the end time (a stiff stretch).</summary>
    StepBudgetExhausted,
}

/// <summary>What an integrator did: where it stopped, why, and how many steps it took.</summary>
/// <param name="FinalTime">The time the state was advanced to.</param>
/// <param name="Status">Why the integration ended.</param>
/// <param name="AcceptedSteps">Accepted steps.</param>
/// <param name="RejectedSteps">Rejected trial steps (always 0 for fixed-step methods).</param>
public readonly record struct IntegrationReport(double FinalTime, IntegrationStatus Status, long AcceptedSteps, long RejectedSteps);

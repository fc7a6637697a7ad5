namespace NeuroLc.Simulator.Theory;

/// <summary>How an integrated trajectory ended.</summary>
public enum TheoryOutcome
{
    /// <summary>Settled on α − βP = 0 (scalar systems) or settled at a fixed point (matrix systems).</summary>
    Converged,

    /// <summary>Settled at a fixed point off α − βP = 0 (e.g. the trivial aᵢ = cᵢ = 0 of an exceptional set).</summary>
    SettledAwayFromMinimum,

    /// <summary>
    /// Returned to its initial state: the trajectory runs round a closed invariant curve that misses α − βP = 0
    /// (for the chains the invariants leave one-dimensional level sets, so a return proves periodicity).
    /// </summary>
    PeriodicOrbit,

    /// <summary>Approaching a fixed-point set off α − βP = 0 that the system's theorem allows (e.g. a₁ → 0 in eq. 132).</summary>
    DegenerateFixedPoint,

    /// <summary>Still moving at the end time.</summary>
    NotConverged,

    /// <summary>The state became non-finite or exceeded the divergence bound.</summary>
    Diverged,

    /// <summary>The adaptive step size underflowed (a singularity of the right-hand side).</summary>
    IntegrationFailed,
}

namespace NeuroLc.Simulator.Theory;

/// <summary>
/// Watches an integration step by step (<see cref="Observe"/> is a <see cref="StepObserver"/>): tracks the largest
/// relative drift of every invariant (see <see cref="Invariant.RelativeDrift"/>), optionally records the
/// trajectory, and stops the integration once the state has converged, diverged or come back to where it started,
/// per <see cref="ConvergenceCriteria"/>. Call <see cref="Finish"/> after the integration for the final outcome.
/// </summary>
public sealed class TrajectoryMonitor
{
    private readonly IOdeSystem _system;
    private readonly double[] _initial;
    private readonly double[] _previous;
    private readonly double[] _derivative;
    private readonly double[] _drifts;
    private readonly ConvergenceCriteria _criteria;
    private readonly double _returnRadius;
    private double _farthest;

    /// <summary>Starts monitoring from an initial state (recorded as the first trajectory sample when recording).</summary>
    public TrajectoryMonitor(IOdeSystem system, ReadOnlySpan<double> initial, ConvergenceCriteria criteria, bool recordTrajectory, double startTime = 0.0)
    {
        _system = system;
        _initial = initial.ToArray();
        _previous = initial.ToArray();
        _derivative = new double[initial.Length];
        _drifts = new double[system.Invariants.Count];
        _criteria = criteria;
        _returnRadius = criteria.ReturnTolerance * (1.0 + Norm(initial));
        Trajectory = recordTrajectory ? new Trajectory(system.VariableNames) : null;
        Trajectory?.Add(startTime, initial);
        Outcome = Classify(initial, out _);
    }

    /// <summary>The recorded trajectory, or null when not recording.</summary>
    public Trajectory? Trajectory { get; }

    /// <summary>The outcome at the last observed state.</summary>
    public TheoryOutcome Outcome { get; private set; }

    /// <summary>Largest relative drift of each invariant so far, in <see cref="IOdeSystem.Invariants"/> order.</summary>
    public IReadOnlyList<double> InvariantDrifts => _drifts;

    /// <summary>Records the step; returns false (stop) once converged, diverged or back at the start.</summary>
    public bool Observe(double time, ReadOnlySpan<double> state)
    {
        Trajectory?.Add(time, state);
        Outcome = Classify(state, out bool stop);
        if (Outcome == TheoryOutcome.Diverged)
        {
            return false;
        }

        for (int i = 0; i < _drifts.Length; i++)
        {
            double drift = _system.Invariants[i].RelativeDrift(_initial, state);
            _drifts[i] = Math.Max(_drifts[i], double.IsNaN(drift) ? double.PositiveInfinity : drift);
        }

        if (Outcome == TheoryOutcome.SettledAwayFromMinimum && _system.DescribeDegenerateLimit(state) is not null)
        {
            Outcome = TheoryOutcome.DegenerateFixedPoint;
            stop = true;
        }

        if (!stop && HasReturned(state))
        {
            Outcome = TheoryOutcome.PeriodicOrbit;
            stop = true;
        }

        state.CopyTo(_previous);
        return !stop;
    }

    /// <summary>
    /// The outcome once the integration has ended: a run that neither converged nor returned but is approaching a
    /// fixed-point set the theorem allows (<see cref="IOdeSystem.DescribeDegenerateLimit"/>) is reported as such.
    /// </summary>
    public TheoryOutcome Finish(ReadOnlySpan<double> final)
    {
        if (Outcome is TheoryOutcome.NotConverged or TheoryOutcome.SettledAwayFromMinimum && _system.DescribeDegenerateLimit(final) is not null)
        {
            Outcome = TheoryOutcome.DegenerateFixedPoint;
        }

        return Outcome;
    }

    private bool HasReturned(ReadOnlySpan<double> state)
    {
        // Distance from x₀ to the chord between the last two samples, so a fast pass between samples is not missed.
        double segment = 0.0;
        double projection = 0.0;
        for (int i = 0; i < state.Length; i++)
        {
            double d = state[i] - _previous[i];
            segment += d * d;
            projection += (_initial[i] - _previous[i]) * d;
        }

        double s = segment > 0.0 ? Math.Clamp(projection / segment, 0.0, 1.0) : 0.0;
        double distance = 0.0;
        double fromStart = 0.0;
        for (int i = 0; i < state.Length; i++)
        {
            double closest = _previous[i] + s * (state[i] - _previous[i]) - _initial[i];
            distance += closest * closest;
            double away = state[i] - _initial[i];
            fromStart += away * away;
        }

        // Only samples before this step count as having left, so the first chord (which starts at x₀) never counts.
        bool returned = _farthest > 10.0 * _returnRadius && Math.Sqrt(distance) <= _returnRadius;
        _farthest = Math.Max(_farthest, Math.Sqrt(fromStart));
        return returned;
    }

    private TheoryOutcome Classify(ReadOnlySpan<double> state, out bool stop)
    {
        stop = false;
        double size = 0.0;
        foreach (double x in state)
        {
            if (!double.IsFinite(x))
            {
                stop = true;
                return TheoryOutcome.Diverged;
            }

            size = Math.Max(size, Math.Abs(x));
        }

        if (size > _criteria.DivergenceBound)
        {
            stop = true;
            return TheoryOutcome.Diverged;
        }

        if (_system.HasScalarTarget)
        {
            double p = _system.ErrorCritical(state);
            double residual = Math.Abs(_system.Alpha - _system.Beta * p);
            if (residual <= _criteria.TargetTolerance * Math.Max(Math.Abs(_system.Alpha), _system.Beta * Math.Abs(p)))
            {
                stop = true;
                return TheoryOutcome.Converged;
            }
        }

        _system.Derivative(state, _derivative);
        double speed = 0.0;
        foreach (double dx in _derivative)
        {
            speed = double.IsFinite(dx) ? Math.Max(speed, Math.Abs(dx)) : double.PositiveInfinity;
        }

        if (speed > _criteria.SettleTolerance * Math.Max(1.0, size))
        {
            return TheoryOutcome.NotConverged;
        }

        if (!_system.HasScalarTarget)
        {
            stop = true;
            return TheoryOutcome.Converged;
        }

        // Settled off the target: a trajectory can crawl past a saddle, so keep integrating and decide at the end.
        return TheoryOutcome.SettledAwayFromMinimum;
    }

    private static double Norm(ReadOnlySpan<double> x)
    {
        double sum = 0.0;
        foreach (double v in x)
        {
            sum += v * v;
        }

        return Math.Sqrt(sum);
    }
}

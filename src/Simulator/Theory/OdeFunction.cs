namespace NeuroLc.Simulator.Theory;

/// <summary>The right-hand side f of an autonomous ODE dx/dt = f(x).</summary>
/// <param name="state">The current state x.</param>
/// <param name="derivative">Receives f(x); same length as <paramref name="state"/>.</param>
public delegate void OdeFunction(ReadOnlySpan<double> state, Span<double> derivative);

/// <summary>Called after every accepted integration step; returns false to stop the integration there.</summary>
/// <param name="time">The time reached.</param>
/// <param name="state">The state at <paramref name="time"/>.</param>
/// <returns>True to continue, false to stop.</returns>
public delegate bool StepObserver(double time, ReadOnlySpan<double> state);

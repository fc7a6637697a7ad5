namespace NeuroLc.Simulator.Theory;

/// <summary>A scalar function of an ODE state vector (an invariant, its scale, or an error-critical quantity).</summary>
/// <param name="state">The state, ordered as the system's <see cref="IOdeSystem.VariableNames"/>.</param>
/// <returns>The value of the function at <paramref name="state"/>.</returns>
public delegate double StateFunction(ReadOnlySpan<double> state);

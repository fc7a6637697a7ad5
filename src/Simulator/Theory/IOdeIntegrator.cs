namespace NeuroLc.Simulator.Theory;

/// <summary>An explicit one-step integrator for autonomous ODEs.</summary>
public interface IOdeIntegrator
{
    /// <summary>Short name for reports, e.g. <c>RK4(h=0.01)</c>.</summary>
    string Name { get; }

    /// <summary>
    /// Advances <paramref name="state"/> in place from <paramref name="startTime"/> to <paramref name="endTime"/>,
    /// calling <paramref name="observer"/> after each accepted step.
    /// </summary>
    IntegrationReport Integrate(OdeFunction function, Span<double> state, double startTime, double endTime, StepObserver? observer = null);
}

using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace NeuroLc.Simulator.Theory;

/// <summary>
/// The outcome of integrating one section-5 system: final state, convergence, P against α/β, invariant drift,
/// exceptional initial condition (if any) and the trajectory.
/// </summary>
public sealed class TheoryResult
{
    internal TheoryResult(
        IOdeSystem system,
        double[] initial,
        double[] final,
        TheoryOutcome outcome,
        ExceptionalCondition? exceptional,
        IReadOnlyList<double> invariantDrifts,
        IntegrationReport report,
        string integrator,
        Trajectory? trajectory)
    {
        System = system;
        Initial = initial;
        Final = final;
        Outcome = outcome;
        Exceptional = exceptional;
        InvariantDrifts = invariantDrifts.ToArray();
        Report = report;
        Integrator = integrator;
        Trajectory = trajectory ?? new Trajectory(system.VariableNames);
        PFinal = system.ErrorCritical(final);
        DegenerateLimit = outcome == TheoryOutcome.DegenerateFixedPoint ? system.DescribeDegenerateLimit(final) : null;
    }

    /// <summary>For <see cref="TheoryOutcome.DegenerateFixedPoint"/>, the fixed-point set being approached; otherwise null.</summary>
    public string? DegenerateLimit { get; }

    /// <summary>The integrated system.</summary>
    public IOdeSystem System { get; }

    /// <summary>Initial state.</summary>
    public IReadOnlyList<double> Initial { get; }

    /// <summary>Final state.</summary>
    public IReadOnlyList<double> Final { get; }

    /// <summary>How the trajectory ended.</summary>
    public TheoryOutcome Outcome { get; }

    /// <summary>True when <see cref="Outcome"/> is <see cref="TheoryOutcome.Converged"/>.</summary>
    public bool Converged => Outcome == TheoryOutcome.Converged;

    /// <summary>The exceptional set the initial condition lies in, or null.</summary>
    public ExceptionalCondition? Exceptional { get; }

    /// <summary>P at the final state (Frobenius norm of BA for an1n).</summary>
    public double PFinal { get; }

    /// <summary>α/β (Frobenius norm of Σ_TI Σ_II⁻¹ for an1n).</summary>
    public double AlphaOverBeta => System.AlphaOverBeta;

    /// <summary>Largest relative drift of each invariant along the run.</summary>
    public IReadOnlyList<double> InvariantDrifts { get; }

    /// <summary>Largest drift over all invariants; null when the system states none.</summary>
    public double? MaxInvariantDrift => InvariantDrifts.Count == 0 ? null : InvariantDrifts.Max();

    /// <summary>What the integrator did.</summary>
    public IntegrationReport Report { get; }

    /// <summary>Integrator name and tolerances.</summary>
    public string Integrator { get; }

    /// <summary>The sampled trajectory (empty when not recorded).</summary>
    public Trajectory Trajectory { get; }

    /// <summary>
    /// One JSON object: <c>system</c>, <c>description</c>, <c>final</c> (variable → value), <c>converged</c>,
    /// <c>outcome</c>, <c>P_final</c>, <c>alpha_over_beta</c>, <c>max_invariant_drift</c> (null without invariants),
    /// <c>invariant_drifts</c>, <c>exceptional</c> (null or text), <c>degenerate_limit</c> (null or text), <c>alpha</c>, <c>beta</c>, <c>t_final</c>,
    /// <c>steps</c>, <c>integrator</c>, <c>initial</c>. Non-finite numbers are written as null.
    /// </summary>
    public string ToJson()
    {
        using MemoryStream stream = new();
        using (Utf8JsonWriter writer = new(stream, new JsonWriterOptions { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("system", System.Name);
            writer.WriteString("description", System.Description);
            WriteState(writer, "final", Final);
            writer.WriteBoolean("converged", Converged);
            writer.WriteString("outcome", OutcomeName(Outcome));
            WriteNumber(writer, "P_final", PFinal);
            WriteNumber(writer, "alpha_over_beta", AlphaOverBeta);
            WriteNumber(writer, "max_invariant_drift", MaxInvariantDrift);
            writer.WriteStartObject("invariant_drifts");
            for (int i = 0; i < InvariantDrifts.Count; i++)
            {
                WriteNumber(writer, System.Invariants[i].Name, InvariantDrifts[i]);
            }

            writer.WriteEndObject();
            if (Exceptional is null)
            {
                writer.WriteNull("exceptional");
            }
            else
            {
                writer.WriteString("exceptional", Exceptional.ToString());
            }

            if (DegenerateLimit is null)
            {
                writer.WriteNull("degenerate_limit");
            }
            else
            {
                writer.WriteString("degenerate_limit", DegenerateLimit);
            }

            WriteNumber(writer, "alpha", System.Alpha);
            WriteNumber(writer, "beta", System.Beta);
            WriteNumber(writer, "t_final", Report.FinalTime);
            writer.WriteNumber("steps", Report.AcceptedSteps);
            writer.WriteString("integrator", Integrator);
            WriteState(writer, "initial", Initial);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>A readable multi-line summary for the terminal.</summary>
    public string ToSummary()
    {
        StringBuilder text = new();
        CultureInfo c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"{System.Name}: {System.Description}");
        text.AppendLine(c, $"  alpha = {System.Alpha:G6}, beta = {System.Beta:G6}, integrator {Integrator}");
        text.AppendLine(c, $"  initial: {FormatState(Initial)}");
        text.AppendLine(c, $"  final (t = {Report.FinalTime:G6}, {Report.AcceptedSteps} steps): {FormatState(Final)}");
        text.AppendLine(c, $"  outcome: {OutcomeName(Outcome)}; P = {PFinal:G10}, alpha/beta = {AlphaOverBeta:G10}");
        for (int i = 0; i < InvariantDrifts.Count; i++)
        {
            text.AppendLine(c, $"  invariant {System.Invariants[i].Equation}: max relative drift {InvariantDrifts[i]:E2}");
        }

        if (InvariantDrifts.Count == 0)
        {
            text.AppendLine("  the paper states no invariant for this system");
        }

        if (DegenerateLimit is not null)
        {
            text.AppendLine(c, $"  limit: {DegenerateLimit}");
        }

        if (Exceptional is not null)
        {
            text.AppendLine(c, $"  exceptional initial condition: {Exceptional}");
        }

        return text.ToString();
    }

    private static string OutcomeName(TheoryOutcome outcome) => outcome switch
    {
        TheoryOutcome.Converged => "converged",
        TheoryOutcome.SettledAwayFromMinimum => "settled_away_from_minimum",
        TheoryOutcome.PeriodicOrbit => "periodic_orbit",
        TheoryOutcome.DegenerateFixedPoint => "degenerate_fixed_point",
        TheoryOutcome.NotConverged => "not_converged",
        TheoryOutcome.Diverged => "diverged",
        _ => "integration_failed",
    };

    private string FormatState(IReadOnlyList<double> state)
    {
        IEnumerable<string> parts = System.VariableNames.Select((name, i) => string.Create(CultureInfo.InvariantCulture, $"{name}={state[i]:G8}"));
        return string.Join(", ", parts);
    }

    private void WriteState(Utf8JsonWriter writer, string key, IReadOnlyList<double> state)
    {
        writer.WriteStartObject(key);
        for (int i = 0; i < state.Count; i++)
        {
            WriteNumber(writer, System.VariableNames[i], state[i]);
        }

        writer.WriteEndObject();
    }

    private static void WriteNumber(Utf8JsonWriter writer, string key, double? value)
    {
        if (value is double v && double.IsFinite(v))
        {
            writer.WriteNumber(key, v);
        }
        else
        {
            writer.WriteNull(key);
        }
    }
}

namespace NeuroLc.Simulator.Theory;

/// <summary>
/// A conserved quantity of an <see cref="IOdeSystem"/>: <see cref="Value"/> is constant along every exact trajectory.
/// <see cref="Scale"/> is the magnitude of the terms that make up the value (e.g. |c₁| + |a₂| for c₁ − a₂), so that
/// the drift can be measured relative to what floating-point arithmetic can resolve even when the invariant itself is
/// near zero.
/// </summary>
/// <param name="Name">Short name, e.g. <c>K1</c>.</param>
/// <param name="Equation">The paper's statement with its equation or theorem number, e.g. <c>c1 - a2 = K1 (Theorem 2, eq. 29)</c>.</param>
/// <param name="Value">The invariant as a function of the state.</param>
/// <param name="Scale">The magnitude of the invariant's terms at a state (non-negative).</param>
public sealed record Invariant(string Name, string Equation, StateFunction Value, StateFunction Scale)
{
    /// <summary>
    /// Relative drift between two states: |I(x) − I(x₀)| / max(|I(x₀)|, S(x₀), S(x)), with S the <see cref="Scale"/>;
    /// zero when every term is zero at both states.
    /// </summary>
    public double RelativeDrift(ReadOnlySpan<double> initial, ReadOnlySpan<double> current)
    {
        double value0 = Value(initial);
        double denominator = Math.Max(Math.Abs(value0), Math.Max(Scale(initial), Scale(current)));
        double difference = Math.Abs(Value(current) - value0);
        return denominator > 0.0 ? difference / denominator : difference;
    }
}

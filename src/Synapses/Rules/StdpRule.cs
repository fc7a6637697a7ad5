namespace NeuroLc.Synapses.Rules;

/// <summary>
/// The phase-difference STDP rule of eqs. 13–14, Δw_ij = η ΔO^post_i O^pre_j with
/// ΔO = O(t=2) − O(t=1) ≈ R_i (eq. 18). With <see cref="RuleKind.StdpFree"/> the engine hands it the pre cell's
/// free-phase (t=1) activity, the pre term of eq. 32.
/// </summary>
public readonly struct StdpRule : ISeparableRule
{
    /// <inheritdoc />
    public float PostFactor(in PostState post, float eta, Phase phase) => eta * post.DeltaO;

    /// <inheritdoc />
    public float Delta(in LocalView view) => view.Eta * view.PostDeltaO * view.PreOutput;
}

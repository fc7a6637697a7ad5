namespace NeuroLc.Synapses.Rules;

/// <summary>
/// The learning-channel rule of eq. 19, Δc_ik = η T_k ΔO_i: the pre signal of a learning-channel synapse
/// during the clamped phase is the target T_k that output cell k sends back, and the post term is the post cell's
/// phase difference ΔO_i. With <see cref="RuleKind.LearningChannelStdpFree"/> the engine hands it the pre cell's
/// free-phase signal instead (Δc_ik = η O_k ΔO_i, eq. 32).
/// </summary>
public readonly struct LearningChannelRule : ISeparableRule
{
    /// <inheritdoc />
    public float PostFactor(in PostState post, float eta, Phase phase) => eta * post.DeltaO;

    /// <inheritdoc />
    public float Delta(in LocalView view) => view.Eta * view.PostDeltaO * view.PreOutput;
}

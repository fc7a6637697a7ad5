namespace NeuroLc.Synapses.Rules;

/// <summary>
/// The Hebbian rule of eq. 12, Δw_ij = η (f^post)' O^post_i O^pre_j, where the pre term is activity in the
/// synapse's own channel and the post term is the activity that reached the post cell from the opposite channel
/// (<see cref="LocalView.PostOther"/>). For a forward synapse this is η f'(S_i) E_i O_j, i.e. SRBP's update
/// when E_i is the learning-channel signal Σ_k c_ik (T − O)_k.
/// </summary>
public readonly struct HebbianRule : ISeparableRule
{
    /// <inheritdoc />
    public float PostFactor(in PostState post, float eta, Phase phase) => eta * post.FPrime * post.Other;

    /// <inheritdoc />
    public float Delta(in LocalView view) => view.Eta * view.PostFPrime * view.PostOther * view.PreOutput;
}

namespace NeuroLc.Synapses.Rules;

/// <summary>
/// The explicit-error rule Δw_ij = η R_i O_j (eq. 8). R_i is computed by the post cell itself: T_i − O_i at an
/// output cell (eq. 10), f'(S_i) E_i at a deep cell whose lateral input E_i is Σ_k c_ik R_k (RBP, eq. 9) or
/// Σ_k c_ik (T − O)_k (SRBP, eq. 11).
/// </summary>
public readonly struct ExplicitErrorRule : ISeparableRule
{
    /// <inheritdoc />
    public float PostFactor(in PostState post, float eta, Phase phase) => eta * post.R;

    /// <inheritdoc />
    public float Delta(in LocalView view) => view.Eta * view.PostR * view.PreOutput;
}

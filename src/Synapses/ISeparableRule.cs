namespace NeuroLc.Synapses;

/// <summary>
/// A rule whose update factorises as Δw = a(post) · O_pre, where the post factor a is computed from the post
/// cell's local state and the broadcasts only (every rule of eqs. 8–14 and 19 has this form). Engines may then
/// compute a once per post cell and update a dense row as one vectorised multiply-add; <see cref="IPlasticityRule.Delta"/>
/// must equal <c>PostFactor(post, η, phase) · view.PreOutput</c>, and the audited path still goes through it.
/// </summary>
public interface ISeparableRule : IPlasticityRule
{
    /// <summary>The post factor a(post).</summary>
    float PostFactor(in PostState post, float eta, Phase phase);
}

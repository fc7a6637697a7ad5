namespace NeuroLc.Synapses;

/// <summary>
/// A plasticity rule: Δw computed from a <see cref="LocalView"/> only. Implementations are small
/// <c>readonly struct</c>s; engines take them as <c>where TRule : struct, IPlasticityRule</c> so the JIT
/// specialises and inlines the rule into the synapse loop. (Rules are instance methods rather than static
/// abstract ones so that compiled text rules can carry their numeric constants as struct fields.)
/// </summary>
public interface IPlasticityRule
{
    /// <summary>Δw for one synapse.</summary>
    float Delta(in LocalView view);
}

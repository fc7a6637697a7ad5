namespace NeuroLc.Channels.Graph;

/// <summary>What a population does in the network.</summary>
public enum PopulationRole
{
    /// <summary>Cells whose output is clamped to the example's input; they receive no synapses.</summary>
    Input,

    /// <summary>Deep cells of either channel.</summary>
    Hidden,

    /// <summary>Output cells: the only cells where the target is local (they hold it).</summary>
    Output,

    /// <summary>Cells that always output 1; a projection from them is a bias, Δb following the same rule as
    /// any other synapse.</summary>
    Bias,
}

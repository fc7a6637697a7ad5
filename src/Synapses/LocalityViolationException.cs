namespace NeuroLc.Synapses;

/// <summary>
/// Thrown when a plasticity rule tries to read something that is not physically local to its synapse
/// (anything outside the synapse itself, its pre cell's output, its post cell's local state, the broadcast
/// phase and η, and the target at an output cell). It names the synapse, the variable and the cell.
/// </summary>
public sealed class LocalityViolationException : Exception
{
    /// <summary>Creates the exception for a read of <paramref name="variable"/> at <paramref name="cell"/>
    /// by <paramref name="synapse"/>.</summary>
    public LocalityViolationException(string synapse, string variable, string cell, string reason)
        : base($"locality violation: synapse {synapse} tried to read {variable} of {cell}: {reason}")
    {
        Synapse = synapse;
        Variable = variable;
        Cell = cell;
    }

    /// <summary>The synapse (or rule text) that attempted the read.</summary>
    public string Synapse { get; }

    /// <summary>The variable it tried to read.</summary>
    public string Variable { get; }

    /// <summary>The cell (or other synapse) it tried to read from.</summary>
    public string Cell { get; }
}

namespace NeuroLc.Simulator.Locality;

/// <summary>A variable of a cell that exploratory (checked) rules may ask for by cell id.</summary>
public enum CellVariable
{
    /// <summary>The cell's output in the synapse's channel (for the pre cell, the only readable variable).</summary>
    Output,

    /// <summary>Summed own-channel input S.</summary>
    S,

    /// <summary>f'(S).</summary>
    FPrime,

    /// <summary>Output at t = 1.</summary>
    O1,

    /// <summary>Output at t = 2.</summary>
    O2,

    /// <summary>O(t=2) − O(t=1).</summary>
    DeltaO,

    /// <summary>Input from the opposite channel.</summary>
    Other,

    /// <summary>Local error R.</summary>
    R,

    /// <summary>The target (output cells only).</summary>
    Target,
}

using NeuroLc.Synapses;

namespace NeuroLc.Simulator.Locality;

/// <summary>
/// The checked path: state asked for by cell id or synapse index, as exploratory code or a rule ported from a
/// non-local algorithm would. Every read is checked against the locality of the synapse being updated; a read
/// of any cell other than its pre (output only) and post cells, of another synapse's weight, or of a target at a
/// deep cell throws <see cref="LocalityViolationException"/>. In audit mode every read is recorded.
/// </summary>
public interface IStateReader
{
    /// <summary>Global id of the synapse's pre cell.</summary>
    int PreCell { get; }

    /// <summary>Global id of the synapse's post cell.</summary>
    int PostCell { get; }

    /// <summary>Index of the synapse within its projection.</summary>
    int Synapse { get; }

    /// <summary>Name of the synapse's projection.</summary>
    string Projection { get; }

    /// <summary>Broadcast η.</summary>
    float Eta { get; }

    /// <summary>Broadcast phase.</summary>
    Phase Phase { get; }

    /// <summary>Reads <paramref name="variable"/> of cell <paramref name="cellId"/> (checked).</summary>
    float Read(int cellId, CellVariable variable);

    /// <summary>Reads the weight of synapse <paramref name="index"/> of <paramref name="projection"/> (checked:
    /// only the synapse's own weight is local).</summary>
    float ReadWeight(string projection, int index);

    /// <summary>Global id of cell <paramref name="index"/> of <paramref name="population"/> (naming is free;
    /// reading is checked).</summary>
    int CellId(string population, int index);
}

/// <summary>A plasticity rule written against <see cref="IStateReader"/> (the checked, slower path).</summary>
public interface ICheckedRule
{
    /// <summary>Δw for the synapse the reader is bound to.</summary>
    float Delta(IStateReader reader);
}

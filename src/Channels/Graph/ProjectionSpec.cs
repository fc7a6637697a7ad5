using NeuroLc.Synapses;

namespace NeuroLc.Channels.Graph;

/// <summary>
/// A bundle of directed synapses from every (connected) cell of <see cref="Pre"/> to every cell of
/// <see cref="Post"/>. A message sent at step t arrives at step t + <see cref="Delay"/>.
/// </summary>
/// <param name="Name">Unique name within the network (default "pre->post").</param>
/// <param name="Pre">Name of the pre population.</param>
/// <param name="Post">Name of the post population.</param>
/// <param name="Kind">Forward, feedback, lateral C′, lateral A′ or skip; fixes the signal carried.</param>
/// <param name="Init">Initial weights.</param>
/// <param name="Rule">Plasticity rule.</param>
/// <param name="Delay">Delay in steps, ≥ 1.</param>
/// <param name="SharedWith">When not null, the name of another projection whose weights this one is
/// <em>declared</em> to share, transposed (this[i, j] = other[j, i]) — the weight-transport symmetry that BP
/// needs in Bidirectional/Conjoined networks. The symmetry audit reads this declaration.</param>
public sealed record ProjectionSpec(
    string Name,
    string Pre,
    string Post,
    ProjectionKind Kind,
    WeightInit Init,
    PlasticitySpec Rule,
    int Delay = 1,
    string? SharedWith = null)
{
    /// <summary>
    /// True when this learning-channel projection is not a separate set of synapses at all but the forward
    /// projection named by <see cref="SharedWith"/> carrying signals in the reverse direction (the Bidirectional
    /// case, Architecture 1 of section 3.5): one physical synapse, one weight, used both ways. Requires
    /// <see cref="SharedWith"/>; engines treat it exactly like declared sharing, the symmetry audit does not.
    /// </summary>
    public bool Bidirectional { get; init; }
}

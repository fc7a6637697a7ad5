using NeuroLc.Channels.Graph;
using NeuroLc.Synapses;

namespace NeuroLc.Channels.Architectures;

/// <summary>
/// The locality check on declared weight sharing. BP's learning channel uses the transposed forward weights
/// (eq. 6); that is physical only when the backward synapse joins the very same cells as the forward one in the
/// reverse direction — one bidirectional synapse (Architecture 1) or Conjoined cells whose backward synapse is
/// declared to mirror the forward one (Architecture 2). A learning-channel synapse between other cells (Twin,
/// Distinct) would have to read another synapse's weight, which no synapse can do.
/// </summary>
public static class WeightSharingCheck
{
    /// <summary>Throws <see cref="LocalityViolationException"/> naming the first projection whose declared
    /// sharing is not physical; the message says that this is the weight-symmetry (WTS) requirement.</summary>
    public static void Verify(NetworkGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        foreach (ProjectionSpec p in graph.Projections.Where(p => p.SharedWith is not null))
        {
            ProjectionSpec other = graph.Projection(p.SharedWith!);
            if (p.Pre != other.Post || p.Post != other.Pre)
            {
                throw new LocalityViolationException(
                    $"projection '{p.Name}' ({p.Pre}->{p.Post})",
                    $"the transposed weights of '{other.Name}'",
                    $"projection '{other.Name}' ({other.Pre}->{other.Post})",
                    "this is BP's weight-symmetry requirement (WTS): only a bidirectional synapse, or a Conjoined backward synapse joining the same cells with declared sharing, can carry the transposed forward weight; separate learning-channel cells (Twin, Distinct) need RBP or SRBP");
            }
        }
    }
}

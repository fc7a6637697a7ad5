using NeuroLc.Channels.Graph;

namespace NeuroLc.Channels.Audit;

/// <summary>WTS: does any learning-channel projection carry the transposed forward weights (BP, eq. 6)? Read
/// from the graph's declared sharing (<see cref="ProjectionSpec.SharedWith"/>).</summary>
internal static class WeightSymmetryCheck
{
    public static SymmetryFinding Assess(GraphFacts f)
    {
        ProjectionSpec[] shared = f.Graph.Projections.Where(p => p.SharedWith is not null).ToArray();
        if (shared.Length > 0)
        {
            return new SymmetryFinding(Symmetry.WTS, SymmetryVerdict.Needed, shared.Select(p => p.Bidirectional
                ? $"'{p.Name}' is the forward synapses of '{p.SharedWith}' used in reverse: one weight serves both directions (the physics provides the transpose)"
                : $"'{p.Name}' is declared to hold the transpose of '{p.SharedWith}': a separate synapse whose weight must equal the forward weight at all times").ToArray());
        }

        if (f.LearningProjections.Count == 0)
        {
            return new SymmetryFinding(Symmetry.WTS, SymmetryVerdict.NotNeeded, ["the network has no learning channel"]);
        }

        return new SymmetryFinding(Symmetry.WTS, SymmetryVerdict.NotNeeded,
            ["no projection declares shared weights", .. f.LearningProjections.Select(p => $"{f.Describe(p)} has weights of its own ({GraphFacts.DescribeInit(p.Init)})")]);
    }
}

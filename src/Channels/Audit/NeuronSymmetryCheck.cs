using NeuroLc.Channels.Graph;

namespace NeuroLc.Channels.Audit;

/// <summary>NEU: must each learning-channel signal reach one particular forward cell? It must when the learning
/// channel runs through the forward cells themselves (cell i of the learning channel is forward cell i) or when
/// a lateral projection is a one-to-one map; it need not when random C′ reaches every forward cell.</summary>
internal static class NeuronSymmetryCheck
{
    public static SymmetryFinding Assess(GraphFacts f)
    {
        var needed = new List<string>();
        var notNeeded = new List<string>();
        foreach (IGrouping<string, ProjectionSpec> g in f.DirectDeliveries.GroupBy(p => p.Post))
        {
            needed.Add($"forward population '{g.Key}' receives the learning signal in its own cells through {GraphFacts.Names(g)}: learning-channel cell i is forward cell i (inherent in the Conjoined architecture)");
        }

        foreach (ProjectionSpec p in f.LateralDeliveries)
        {
            if (f.IsOneToOne(p))
            {
                needed.Add($"{f.Describe(p)} maps each cell of '{p.Pre}' to a single cell of '{p.Post}': the learning channel must know which forward cell each of its signals stands for (Identical Twin)");
            }
            else
            {
                notNeeded.Add($"{f.Describe(p)} is a random C′ ({GraphFacts.DescribeInit(p.Init)}): every cell of '{p.Pre}' reaches the cells of '{p.Post}', none needs to know its counterpart");
            }
        }

        foreach (ProjectionSpec p in f.Graph.Projections.Where(p => p.Kind == ProjectionKind.LateralA))
        {
            notNeeded.Add($"{f.Describe(p)} is a random A′ ({GraphFacts.DescribeInit(p.Init)}): no correspondence is needed in the reverse direction either");
        }

        if (needed.Count > 0)
        {
            return new SymmetryFinding(Symmetry.NEU, SymmetryVerdict.Needed, [.. needed, .. notNeeded]);
        }

        return new SymmetryFinding(Symmetry.NEU, SymmetryVerdict.NotNeeded,
            notNeeded.Count > 0 ? notNeeded : ["no learning-channel signal reaches a forward cell"]);
    }
}

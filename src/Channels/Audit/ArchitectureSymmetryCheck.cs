using NeuroLc.Channels.Graph;

namespace NeuroLc.Channels.Audit;

/// <summary>ARC: does the learning channel have the forward channel's architecture? It does when it runs
/// through the forward cells themselves (Bidirectional, Conjoined), or when its populations mirror the forward
/// hidden populations one for one, size for size, each delivering to its own counterpart (Twin).</summary>
internal static class ArchitectureSymmetryCheck
{
    public static SymmetryFinding Assess(GraphFacts f)
    {
        if (f.DirectDeliveries.Count > 0)
        {
            string[] evidence = f.DirectDeliveries.GroupBy(p => p.Post)
                .Select(g => $"forward population '{g.Key}' receives the learning signal in its own cells through {GraphFacts.Names(g)}: the learning channel runs through the forward cells themselves (Conjoined)")
                .ToArray();
            return new SymmetryFinding(Symmetry.ARC, SymmetryVerdict.Needed, evidence);
        }

        if (f.LearningPopulations.Count == 0)
        {
            return new SymmetryFinding(Symmetry.ARC, SymmetryVerdict.NotNeeded, ["the network has no learning channel (deep local learning)"]);
        }

        string widths = $"learning-channel widths [{string.Join(", ", f.LearningPopulations.Select(p => $"{p.Name}: {p.Size}"))}], forward hidden widths [{string.Join(", ", f.ForwardHidden.Select(p => $"{p.Name}: {p.Size}"))}]";
        List<string>? mirror = Mirror(f);
        return mirror is null
            ? new SymmetryFinding(Symmetry.ARC, SymmetryVerdict.NotNeeded,
                [$"{widths}: the learning channel has an architecture of its own (Distinct)"])
            : new SymmetryFinding(Symmetry.ARC, SymmetryVerdict.Needed, [.. mirror, $"{widths}: the learning channel copies the forward architecture (Twin)"]);
    }

    // A bijection learning-channel population ↔ forward hidden population through C′, sizes equal.
    private static List<string>? Mirror(GraphFacts f)
    {
        if (f.LearningPopulations.Count != f.ForwardHidden.Count)
        {
            return null;
        }

        var evidence = new List<string>();
        var matched = new HashSet<string>(StringComparer.Ordinal);
        foreach (PopulationSpec lc in f.LearningPopulations)
        {
            ProjectionSpec[] lateral = f.LateralDeliveries.Where(p => p.Pre == lc.Name).ToArray();
            if (lateral.Length != 1)
            {
                return null;
            }

            PopulationSpec target = f.Graph.Population(lateral[0].Post);
            if (target.Size != lc.Size || !matched.Add(target.Name))
            {
                return null;
            }

            evidence.Add($"learning-channel population '{lc.Name}' ({lc.Size} cells) mirrors forward population '{target.Name}' ({target.Size} cells) through '{lateral[0].Name}'");
        }

        return evidence;
    }
}

using NeuroLc.Channels.Graph;
using NeuroLc.Neurons;
using NeuroLc.Synapses;

namespace NeuroLc.Channels.Audit;

/// <summary>ADA: do the learning channel's synapses adapt like the forward ones? Achieved when no synapse is
/// fixed. A bidirectional synapse adapts in both roles at once; a declared transposed copy does not adapt by a
/// local rule (keeping it equal needs a mechanism outside the synapse).</summary>
internal static class AdaptationSymmetryCheck
{
    public static SymmetryFinding Assess(GraphFacts f)
    {
        var still = new List<string>();
        var adapting = new List<ProjectionSpec>();
        foreach (ProjectionSpec p in f.Graph.Projections)
        {
            if (p.Bidirectional)
            {
                adapting.Add(p);
            }
            else if (p.SharedWith is not null)
            {
                still.Add($"'{p.Name}' does not adapt by a local rule: it is a declared copy of the transpose of '{p.SharedWith}', kept equal only by a mechanism outside the synapse");
            }
            else if (p.Rule.Kind == RuleKind.Fixed)
            {
                still.Add($"{f.Describe(p)} is fixed ({GraphFacts.DescribeInit(p.Init)}): it does not adapt");
            }
            else
            {
                adapting.Add(p);
            }
        }

        var evidence = new List<string>(still);
        foreach (IGrouping<Channel, ProjectionSpec> g in adapting.GroupBy(p => p.Kind == ProjectionKind.Forward ? Channel.Forward : Channel.Learning))
        {
            string rules = string.Join(", ", g.Select(p => p.Bidirectional ? $"{p.Name} (the same synapses as '{p.SharedWith}')" : $"{p.Name}: {p.Rule}"));
            evidence.Add($"{(g.Key == Channel.Forward ? "forward" : "learning-channel (feedback, skip, C′, A′)")} synapses that adapt: {rules}");
        }

        if (f.LearningProjections.Count == 0)
        {
            evidence.Add("the network has no learning channel");
        }

        bool achieved = still.Count == 0 && f.LearningProjections.Count > 0;
        return new SymmetryFinding(Symmetry.ADA, achieved ? SymmetryVerdict.Achieved : SymmetryVerdict.NotAchieved, evidence);
    }
}

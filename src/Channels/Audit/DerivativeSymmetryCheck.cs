using NeuroLc.Channels.Graph;
using NeuroLc.Neurons;

namespace NeuroLc.Channels.Audit;

/// <summary>
/// DER: must forward derivatives be transported into the learning channel? A forward cell that receives the
/// learning signal multiplies it by its own f'(S) (eqs. 9, 11) — local — and SRBP shows the upper layers'
/// derivatives are not needed (section 3.3). But a learning-channel population wired one-to-one to a forward
/// population stands for each forward cell's own error R_i = f'(S_i) Σ_k c_ik E_k, whose derivative lives in the
/// other channel: that derivative must be transported.
/// </summary>
internal static class DerivativeSymmetryCheck
{
    public static SymmetryFinding Assess(GraphFacts f)
    {
        var needed = new List<string>();
        var notNeeded = new List<string>();
        foreach (IGrouping<string, ProjectionSpec> g in f.DirectDeliveries.GroupBy(p => p.Post))
        {
            notNeeded.Add($"forward population '{g.Key}' multiplies what arrives through {GraphFacts.Names(g)} by its own f'(S) (eqs. 9, 11): each derivative is applied by the cell that owns it");
        }

        foreach (ProjectionSpec p in f.LateralDeliveries)
        {
            if (!f.IsOneToOne(p))
            {
                notNeeded.Add($"forward population '{p.Post}' receives a random mix through C′ '{p.Name}' and multiplies it by its own f'(S); upper-layer derivatives are not needed (SRBP, section 3.3)");
                continue;
            }

            needed.Add($"'{p.Pre}' corresponds one-to-one to '{p.Post}' through '{p.Name}', so it computes the error of each forward cell, R_i = f'(S_i) Σ_k c_ik E_k (eqs. 9, 11): the derivatives f'(S) of '{p.Post}' must be transported to '{p.Pre}' cell by cell");
            foreach (ProjectionSpec chain in f.Graph.ProjectionsInto(p.Pre).Where(q => q.Kind == ProjectionKind.Feedback && f.Graph.Population(q.Pre).Channel == Channel.Learning))
            {
                needed.Add($"'{chain.Name}' chains '{chain.Pre}' into '{p.Pre}': the chained error of RBP (eq. 9) also carries the derivatives of the forward layer '{chain.Pre}' stands for");
            }
        }

        ProjectionSpec[] forward = f.Graph.Projections.Where(p => p.Kind == ProjectionKind.Forward && p.Rule.Kind != Synapses.RuleKind.Fixed).ToArray();
        string reads = $"forward synapses update by {string.Join(", ", forward.Select(p => p.Rule.ToString()).Distinct())}: each reads only its own post cell's state (R, f'(S) or ΔO), never another cell's derivative";
        if (needed.Count > 0)
        {
            return new SymmetryFinding(Symmetry.DER, SymmetryVerdict.Needed, [.. needed, .. notNeeded, reads]);
        }

        return new SymmetryFinding(Symmetry.DER, SymmetryVerdict.NotNeeded,
            notNeeded.Count > 0 ? [.. notNeeded, reads] : ["no learning-channel signal reaches a forward cell"]);
    }
}

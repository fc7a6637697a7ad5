using NeuroLc.Channels.Graph;
using NeuroLc.Neurons;

namespace NeuroLc.Channels.Audit;

/// <summary>LIN: does the learning channel process its signal with the same cells as the forward channel?
/// Learning-channel populations use their own transfer function g; forward cells that receive the learning signal
/// directly apply <see cref="PopulationSpec.LearningTransfer"/> to it. Achieved when every such g is one of the
/// forward hidden cells' transfer functions (linear everywhere counts: the same linear cells).</summary>
internal static class ProcessingSymmetryCheck
{
    public static SymmetryFinding Assess(GraphFacts f)
    {
        TransferFunction[] forward = f.ForwardHidden.Select(p => p.Transfer).Distinct().ToArray();
        var units = f.LearningPopulations
            .Select(p => (Transfer: p.Transfer, Text: $"learning-channel population '{p.Name}' uses {p.Transfer}"))
            .Concat(f.DirectDeliveries.Select(p => p.Post).Distinct().Select(f.Graph.Population)
                .Select(p => (Transfer: p.LearningTransfer, Text: $"forward population '{p.Name}' applies {p.LearningTransfer} to the learning signal it receives")))
            .ToArray();
        if (units.Length == 0)
        {
            return new SymmetryFinding(Symmetry.LIN, SymmetryVerdict.NotAchieved, ["the network has no learning channel"]);
        }

        string forwardText = $"forward hidden cells use {string.Join(", ", forward)}";
        bool same = units.All(u => forward.Contains(u.Transfer));
        string conclusion = same
            ? "the learning channel processes its signal with the forward cells' own transfer function"
            : $"the learning channel uses {string.Join(", ", units.Select(u => u.Transfer).Where(t => !forward.Contains(t)).Distinct())}, unlike the forward cells (e.g. linear where the forward cells are non-linear)";
        return new SymmetryFinding(Symmetry.LIN, same ? SymmetryVerdict.Achieved : SymmetryVerdict.NotAchieved,
            [forwardText, .. units.Select(u => u.Text), conclusion]);
    }
}

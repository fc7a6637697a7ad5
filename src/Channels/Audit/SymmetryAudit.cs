using NeuroLc.Channels.Graph;

namespace NeuroLc.Channels.Audit;

/// <summary>
/// The symmetry audit (section 2.4, section 3.5): reads only the built <see cref="NetworkGraph"/> — populations,
/// projections, declared sharing, wiring, transfer functions and rules, never a spec's or builder's name — and
/// says whether the network needs ARC, WTS, NEU and DER and whether it achieves LIN and ADA, with evidence.
/// </summary>
public static class SymmetryAudit
{
    /// <summary>Audits <paramref name="graph"/>.</summary>
    public static SymmetryReport Run(NetworkGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var facts = new GraphFacts(graph);
        return new SymmetryReport(
        [
            ArchitectureSymmetryCheck.Assess(facts),
            WeightSymmetryCheck.Assess(facts),
            NeuronSymmetryCheck.Assess(facts),
            DerivativeSymmetryCheck.Assess(facts),
            ProcessingSymmetryCheck.Assess(facts),
            AdaptationSymmetryCheck.Assess(facts),
        ]);
    }
}

namespace NeuroLc.Channels.Audit;

/// <summary>The verdict on one symmetry and the evidence read from the graph (which synapses share weights,
/// which cells correspond one-to-one, which derivatives an update needs, which cells are linear, which synapses
/// do not adapt).</summary>
/// <param name="Symmetry">The symmetry.</param>
/// <param name="Verdict">Its verdict.</param>
/// <param name="Evidence">One sentence per fact, naming populations and projections.</param>
public sealed record SymmetryFinding(Symmetry Symmetry, SymmetryVerdict Verdict, IReadOnlyList<string> Evidence);

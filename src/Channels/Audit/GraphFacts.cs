using NeuroLc.Channels.Graph;
using NeuroLc.Neurons;

namespace NeuroLc.Channels.Audit;

/// <summary>What the audit reads from a built graph: the forward hidden cells, the learning-channel cells, and
/// how the learning signal is delivered to the forward cells (directly into them, or laterally through C′).</summary>
internal sealed class GraphFacts
{
    public GraphFacts(NetworkGraph graph)
    {
        Graph = graph;
        ForwardHidden = graph.Populations.Where(p => p.Channel == Channel.Forward && p.Role == PopulationRole.Hidden).ToArray();
        LearningPopulations = graph.PopulationsIn(Channel.Learning).ToArray();
        LearningProjections = graph.Projections.Where(p => p.Kind.CarriedChannel() == Channel.Learning).ToArray();
        var hidden = ForwardHidden.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        DirectDeliveries = LearningProjections
            .Where(p => p.Kind is ProjectionKind.Feedback or ProjectionKind.Skip && hidden.Contains(p.Post))
            .ToArray();
        LateralDeliveries = LearningProjections.Where(p => p.Kind == ProjectionKind.LateralC).ToArray();
    }

    public NetworkGraph Graph { get; }

    public IReadOnlyList<PopulationSpec> ForwardHidden { get; }

    public IReadOnlyList<PopulationSpec> LearningPopulations { get; }

    /// <summary>Projections carrying the learning-channel signal (feedback, skip, C′).</summary>
    public IReadOnlyList<ProjectionSpec> LearningProjections { get; }

    /// <summary>Feedback or skip projections whose post cells are forward hidden cells: the learning channel runs
    /// through the forward cells themselves.</summary>
    public IReadOnlyList<ProjectionSpec> DirectDeliveries { get; }

    /// <summary>Lateral C′ projections from learning-channel cells onto forward cells.</summary>
    public IReadOnlyList<ProjectionSpec> LateralDeliveries { get; }

    /// <summary>Whether the projection wires cell i of its pre population to cell π(i) of its post population
    /// only (an explicit permutation matrix): a one-to-one correspondence between the two populations.</summary>
    public bool IsOneToOne(ProjectionSpec p)
    {
        if (p.Init.Kind != WeightInitKind.Explicit)
        {
            return false;
        }

        float[,] m = p.Init.Matrix!;
        int rows = m.GetLength(0);
        int cols = m.GetLength(1);
        if (rows != cols)
        {
            return false;
        }

        var columnUsed = new bool[cols];
        for (int i = 0; i < rows; i++)
        {
            int nonZero = -1;
            for (int j = 0; j < cols; j++)
            {
                if (m[i, j] != 0f)
                {
                    if (nonZero >= 0 || columnUsed[j])
                    {
                        return false;
                    }

                    nonZero = j;
                }
            }

            if (nonZero < 0)
            {
                return false;
            }

            columnUsed[nonZero] = true;
        }

        return true;
    }

    /// <summary>"'lc2->h2' (LateralC, 10→8 cells)".</summary>
    public string Describe(ProjectionSpec p)
        => $"'{p.Name}' ({p.Kind}, {Graph.Population(p.Pre).Size}→{Graph.Population(p.Post).Size} cells)";

    /// <summary>How the projection's weights are drawn, e.g. "GlorotNormal, dense".</summary>
    public static string DescribeInit(WeightInit init)
        => init.Kind == WeightInitKind.Explicit ? "explicit weights"
            : $"{init.Kind}{(init.Kind is WeightInitKind.Normal or WeightInitKind.Uniform ? $" {init.Scale:G3}" : string.Empty)}, {(init.Density < 1.0 ? $"density {init.Density:G3}" : "dense")}, seed {init.Seed}";

    public static string Names(IEnumerable<ProjectionSpec> projections) => string.Join(", ", projections.Select(p => $"'{p.Name}'"));
}

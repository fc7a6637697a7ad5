using NeuroLc.Neurons;

namespace NeuroLc.Channels.Graph;

/// <summary>
/// A validated network description: populations of cells and projections of synapses between them, each
/// belonging to the forward or the learning channel. It has no step loop; the engines (the cell engine in
/// NeuroLc.Simulator and the rate adapters) instantiate it. Build one with <see cref="NetworkBuilder"/> or
/// <see cref="Create"/>, both of which validate everything first.
/// </summary>
public sealed class NetworkGraph
{
    private readonly Dictionary<string, PopulationSpec> _populationsByName;
    private readonly Dictionary<string, ProjectionSpec> _projectionsByName;

    private NetworkGraph(IReadOnlyList<PopulationSpec> populations, IReadOnlyList<ProjectionSpec> projections)
    {
        Populations = populations;
        Projections = projections;
        _populationsByName = populations.ToDictionary(p => p.Name, StringComparer.Ordinal);
        _projectionsByName = projections.ToDictionary(p => p.Name, StringComparer.Ordinal);
    }

    /// <summary>The populations, in declaration order.</summary>
    public IReadOnlyList<PopulationSpec> Populations { get; }

    /// <summary>The projections, in declaration order.</summary>
    public IReadOnlyList<ProjectionSpec> Projections { get; }

    /// <summary>Validates and creates a graph; throws <see cref="GraphValidationException"/> naming the first
    /// offending object and field.</summary>
    public static NetworkGraph Create(IEnumerable<PopulationSpec> populations, IEnumerable<ProjectionSpec> projections)
    {
        ArgumentNullException.ThrowIfNull(populations);
        ArgumentNullException.ThrowIfNull(projections);
        PopulationSpec[] pops = populations.ToArray();
        ProjectionSpec[] projs = projections.ToArray();
        GraphValidator.Validate(pops, projs);
        return new NetworkGraph(pops, projs);
    }

    /// <summary>The population called <paramref name="name"/>.</summary>
    public PopulationSpec Population(string name)
        => _populationsByName.TryGetValue(name, out PopulationSpec? p)
            ? p
            : throw new KeyNotFoundException($"network has no population '{name}'");

    /// <summary>The projection called <paramref name="name"/>.</summary>
    public ProjectionSpec Projection(string name)
        => _projectionsByName.TryGetValue(name, out ProjectionSpec? p)
            ? p
            : throw new KeyNotFoundException($"network has no projection '{name}'");

    /// <summary>Populations with the given role, in declaration order.</summary>
    public IEnumerable<PopulationSpec> PopulationsWithRole(PopulationRole role) => Populations.Where(p => p.Role == role);

    /// <summary>Projections onto <paramref name="post"/>.</summary>
    public IEnumerable<ProjectionSpec> ProjectionsInto(string post) => Projections.Where(p => p.Post == post);

    /// <summary>Projections out of <paramref name="pre"/>.</summary>
    public IEnumerable<ProjectionSpec> ProjectionsFrom(string pre) => Projections.Where(p => p.Pre == pre);

    /// <summary>Populations of the given channel.</summary>
    public IEnumerable<PopulationSpec> PopulationsIn(Channel channel) => Populations.Where(p => p.Channel == channel);

    /// <summary>Total number of cells.</summary>
    public int CellCount => Populations.Sum(p => p.Size);
}

using NeuroLc.Neurons;
using NeuroLc.Synapses;

namespace NeuroLc.Channels.Graph;

/// <summary>
/// Fluent construction of a <see cref="NetworkGraph"/>. Nothing is checked until <see cref="Build"/>, which
/// validates the whole description at once (so no half-built network can exist).
/// </summary>
/// <example>
/// A 2-8-1 forward network with a separate learning-channel population of width 4 reached by a skip
/// projection from the output and wired laterally (C′) onto the hidden cells:
/// <code>
/// NetworkGraph g = new NetworkBuilder()
///     .Input("in", 2).Bias("bias")
///     .Hidden("h", 8, TransferFunction.Tanh)
///     .Output("out", 1, TransferFunction.Logistic)
///     .LearningChannel("lc", 4, TransferFunction.Identity)
///     .Forward("in", "h", WeightInit.GlorotUniform(1), PlasticitySpec.ExplicitError)
///     .Forward("bias", "h", WeightInit.Constant(0), PlasticitySpec.ExplicitError)
///     .Forward("h", "out", WeightInit.GlorotUniform(2), PlasticitySpec.ExplicitError)
///     .Skip("out", "lc", WeightInit.Normal(0.5, 3))
///     .LateralC("lc", "h", WeightInit.Normal(0.5, 4))
///     .Build();
/// </code>
/// </example>
public sealed class NetworkBuilder
{
    private readonly List<PopulationSpec> _populations = [];
    private readonly List<ProjectionSpec> _projections = [];

    /// <summary>Adds any population.</summary>
    public NetworkBuilder Population(PopulationSpec population)
    {
        ArgumentNullException.ThrowIfNull(population);
        _populations.Add(population);
        return this;
    }

    /// <summary>Adds an input population (clamped to the example's inputs).</summary>
    public NetworkBuilder Input(string name, int size)
        => Population(new PopulationSpec(name, size, TransferFunction.Identity, Channel.Forward, PopulationRole.Input));

    /// <summary>Adds a single bias cell whose output is always 1.</summary>
    public NetworkBuilder Bias(string name = "bias")
        => Population(new PopulationSpec(name, 1, TransferFunction.Identity, Channel.Forward, PopulationRole.Bias));

    /// <summary>Adds a hidden forward-channel population.</summary>
    public NetworkBuilder Hidden(string name, int size, TransferFunction transfer, double dropout = 0.0)
        => Population(new PopulationSpec(name, size, transfer, Channel.Forward, PopulationRole.Hidden, dropout));

    /// <summary>Adds the output population (linear, logistic or softmax), whose cells hold the target.</summary>
    public NetworkBuilder Output(string name, int size, TransferFunction transfer)
        => Population(new PopulationSpec(name, size, transfer, Channel.Forward, PopulationRole.Output));

    /// <summary>Adds a population of learning-channel cells, of any width, with transfer function g.</summary>
    public NetworkBuilder LearningChannel(string name, int size, TransferFunction transfer, double dropout = 0.0)
        => Population(new PopulationSpec(name, size, transfer, Channel.Learning, PopulationRole.Hidden, dropout));

    /// <summary>Adds any projection.</summary>
    public NetworkBuilder Connect(ProjectionSpec projection)
    {
        ArgumentNullException.ThrowIfNull(projection);
        _projections.Add(projection);
        return this;
    }

    /// <summary>Adds a projection of the given kind; its name defaults to "pre->post".</summary>
    public NetworkBuilder Connect(
        string pre,
        string post,
        ProjectionKind kind,
        WeightInit init,
        PlasticitySpec? rule = null,
        int delay = 1,
        string? name = null,
        string? sharedWith = null)
        => Connect(new ProjectionSpec(name ?? $"{pre}->{post}", pre, post, kind, init, rule ?? PlasticitySpec.Fixed, delay, sharedWith));

    /// <summary>A forward projection (eq. 2).</summary>
    public NetworkBuilder Forward(string pre, string post, WeightInit init, PlasticitySpec rule, int delay = 1)
        => Connect(pre, post, ProjectionKind.Forward, init, rule, delay);

    /// <summary>A chained learning-channel projection h+1 → h (RBP's C, eq. 9, or learning-channel chaining).</summary>
    public NetworkBuilder Feedback(string pre, string post, WeightInit init, PlasticitySpec? rule = null, int delay = 1, string? sharedWith = null)
        => Connect(pre, post, ProjectionKind.Feedback, init, rule, delay, sharedWith: sharedWith);

    /// <summary>A skipped learning-channel projection from the output (SRBP's C, eq. 11).</summary>
    public NetworkBuilder Skip(string output, string post, WeightInit init, PlasticitySpec? rule = null, int delay = 1)
        => Connect(output, post, ProjectionKind.Skip, init, rule, delay);

    /// <summary>Lateral C′ synapses from a learning-channel population onto forward cells.</summary>
    public NetworkBuilder LateralC(string learning, string forward, WeightInit init, PlasticitySpec? rule = null, int delay = 1)
        => Connect(learning, forward, ProjectionKind.LateralC, init, rule, delay);

    /// <summary>Lateral A′ synapses from forward cells onto a learning-channel population.</summary>
    public NetworkBuilder LateralA(string forward, string learning, WeightInit init, PlasticitySpec? rule = null, int delay = 1)
        => Connect(forward, learning, ProjectionKind.LateralA, init, rule, delay);

    /// <summary>Validates and returns the graph (throws <see cref="GraphValidationException"/>).</summary>
    public NetworkGraph Build() => NetworkGraph.Create(_populations, _projections);
}

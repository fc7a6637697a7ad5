using NeuroLc.Channels.Graph;
using NeuroLc.Neurons;
using NeuroLc.Simulator.Locality;
using NeuroLc.Synapses;

namespace NeuroLc.Simulator;

/// <summary>A projection as instantiated by the cell engine: its synapse block, its populations, the signal it
/// carries, and how it learns.</summary>
internal sealed class ProjectionRuntime(ProjectionSpec spec, SynapseBlock block, int pre, int post, Channel postChannel)
{
    public ProjectionSpec Spec { get; } = spec;

    public SynapseBlock Block { get; } = block;

    public int Pre { get; } = pre;

    public int Post { get; } = post;

    /// <summary>The channel of the signal carried (forward output O or the learning-channel signal).</summary>
    public Channel Carried { get; } = spec.Kind.CarriedChannel();

    /// <summary>Whether the signal enters the post cell as its opposite-channel (lateral) input.</summary>
    public bool IntoOther { get; } = spec.Kind.CarriedChannel() != postChannel;

    /// <summary>Typed rule dispatch; null for fixed and shared projections.</summary>
    public IBlockUpdater? Updater { get; set; }

    /// <summary>A checked (exploratory) rule that replaces <see cref="Updater"/>.</summary>
    public ICheckedRule? CheckedRule { get; set; }

    /// <summary>Pending minibatch updates.</summary>
    public float[]? Pending { get; set; }

    /// <summary>The projection whose weights this one declares shared (transposed).</summary>
    public ProjectionRuntime? SharedSource { get; set; }

    public bool Learns => Updater is not null || CheckedRule is not null;
}

namespace NeuroLc.Channels.Architectures;

/// <summary>Everything needed to build one of the paper's architectures: the forward channel, the learning
/// channel and the seed of every random weight. Build it with <see cref="ArchitectureBuilder"/> or read it from
/// a JSON spec (<see cref="Specs.ArchitectureSpec"/>).</summary>
public sealed record ArchitectureOptions
{
    /// <summary>The forward channel.</summary>
    public ForwardChannelOptions Forward { get; init; } = new();

    /// <summary>The learning channel.</summary>
    public LearningChannelOptions LearningChannel { get; init; } = new();

    /// <summary>Seed of the weight initialisers (projection k uses seed + k).</summary>
    public ulong Seed { get; init; } = 1;
}

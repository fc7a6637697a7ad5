using NeuroLc.Channels.Graph;

namespace NeuroLc.Channels.Architectures;

/// <summary>Turns validated <see cref="ArchitectureOptions"/> into a <see cref="NetworkGraph"/>.</summary>
internal static class ArchitectureFactory
{
    public static NetworkGraph Build(ArchitectureOptions options)
    {
        ArchitectureValidator.Validate(options);
        var builder = new NetworkBuilder();
        var seeds = new WeightSeeds(options.Seed);
        ForwardChannelWiring.Add(builder, options, seeds);
        LearningChannelWiring.Add(builder, options, seeds);
        NetworkGraph graph = builder.Build();
        WeightSharingCheck.Verify(graph);
        return graph;
    }
}

namespace NeuroLc.Channels.Architectures;

/// <summary>Hands out seed, seed + 1, … to the projections in the order they are built, so a network is a
/// pure function of its options.</summary>
internal sealed class WeightSeeds(ulong seed)
{
    private ulong _next = seed;

    public ulong Next() => _next++;
}

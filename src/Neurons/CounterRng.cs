namespace NeuroLc.Neurons;

/// <summary>
/// Counter-based random numbers: every draw is a pure function of (seed, id, counter), where id names a cell
/// or synapse and counter is its step or example number. A cell's random stream is therefore its own, and a
/// run gives the same numbers whatever the thread count or the order in which cells are visited.
/// The mixing is three rounds of the 64-bit finaliser of MurmurHash3 / SplitMix64 (Stafford's variant 13).
/// </summary>
public static class CounterRng
{
    private const ulong Golden = 0x9E3779B97F4A7C15UL;
    private const ulong Odd = 0xD1B54A32D192ED03UL;

    /// <summary>A 64-bit hash of (seed, id, counter) with good avalanche in every argument.</summary>
    public static ulong Hash(ulong seed, ulong id, ulong counter)
    {
        ulong x = Mix((seed * Golden) ^ id);
        x = Mix(x ^ (counter * Odd) ^ Golden);
        return Mix(x + seed);
    }

    /// <summary>A uniform float in [0, 1) with 24 random bits.</summary>
    public static float Uniform(ulong seed, ulong id, ulong counter)
        => (Hash(seed, id, counter) >> 40) * (1f / (1 << 24));

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    public static double UniformDouble(ulong seed, ulong id, ulong counter)
        => (Hash(seed, id, counter) >> 11) * (1.0 / (1UL << 53));

    /// <summary>A standard normal draw (Box–Muller on the draws numbered 2·counter and 2·counter + 1).</summary>
    public static double Normal(ulong seed, ulong id, ulong counter)
    {
        // 1 − u keeps the logarithm's argument in (0, 1].
        double u1 = 1.0 - UniformDouble(seed, id, 2 * counter);
        double u2 = UniformDouble(seed, id, (2 * counter) + 1);
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

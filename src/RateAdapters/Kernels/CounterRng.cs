namespace NeuroLc.RateAdapters.Kernels;

/// <summary>
/// Counter-based random numbers: value = mix(seed, stream, counter) with the SplitMix64 finaliser. Stateless, so a
/// dropout mask depends only on (seed, update, layer, element) — never on thread count or on checkpoint/resume.
/// </summary>
public static class CounterRng
{
    /// <summary>64 random bits for (seed, stream, counter).</summary>
    public static ulong Bits(ulong seed, ulong stream, ulong counter)
    {
        ulong x = Mix(seed + 0x9E3779B97F4A7C15UL);
        x = Mix(x ^ (stream * 0xD1B54A32D192ED03UL));
        return Mix(x ^ (counter * 0xBF58476D1CE4E5B9UL));
    }

    /// <summary>Uniform on [0, 1) with 24 random bits.</summary>
    public static float Uniform(ulong seed, ulong stream, ulong counter) =>
        (Bits(seed, stream, counter) >> 40) * (1f / 16777216f);

    /// <summary>The SplitMix64 output function.</summary>
    internal static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

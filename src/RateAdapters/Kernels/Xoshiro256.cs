namespace NeuroLc.RateAdapters.Kernels;

/// <summary>
/// xoshiro256** generator (Blackman and Vigna), seeded through SplitMix64. Used for initial weights and shuffles;
/// implemented here so that a seed means the same numbers on every .NET version.
/// </summary>
public struct Xoshiro256
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    /// <summary>Seeds the state from <paramref name="seed"/> and a <paramref name="stream"/> index.</summary>
    public Xoshiro256(ulong seed, ulong stream)
    {
        ulong x = seed ^ CounterRng.Mix(stream + 0x632BE59BD9B4E019UL);
        _s0 = CounterRng.Mix(x += 0x9E3779B97F4A7C15UL);
        _s1 = CounterRng.Mix(x += 0x9E3779B97F4A7C15UL);
        _s2 = CounterRng.Mix(x += 0x9E3779B97F4A7C15UL);
        _s3 = CounterRng.Mix(x + 0x9E3779B97F4A7C15UL);
    }

    /// <summary>Next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        ulong result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform on [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / 9007199254740992.0);

    /// <summary>Uniform integer in [0, bound) without modulo bias (Lemire's method).</summary>
    public int NextInt(int bound)
    {
        ulong m = (ulong)(uint)NextUInt64() * (ulong)bound;
        if ((uint)m < (uint)bound)
        {
            uint threshold = (uint)-bound % (uint)bound;
            while ((uint)m < threshold)
            {
                m = (ulong)(uint)NextUInt64() * (ulong)bound;
            }
        }

        return (int)(m >> 32);
    }

    /// <summary>Standard normal by the Box–Muller transform.</summary>
    public double NextGaussian()
    {
        double u1 = 1.0 - NextDouble();
        double u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}

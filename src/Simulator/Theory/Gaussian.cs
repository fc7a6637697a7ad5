namespace NeuroLc.Simulator.Theory;

/// <summary>Standard normal draws from a seeded <see cref="Random"/> (Box–Muller), so initial conditions are reproducible.</summary>
internal static class Gaussian
{
    /// <summary>One draw from N(0, 1).</summary>
    public static double Next(Random random)
    {
        // 1 − U keeps the logarithm's argument in (0, 1].
        double u1 = 1.0 - random.NextDouble();
        double u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>A vector of independent N(0, 1) draws.</summary>
    public static double[] Vector(Random random, int length)
    {
        double[] values = new double[length];
        for (int i = 0; i < length; i++)
        {
            values[i] = Next(random);
        }

        return values;
    }
}

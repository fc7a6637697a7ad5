using NeuroLc.RateAdapters.Kernels;
using NeuroLc.RateAdapters.Training;

namespace NeuroLc.RateAdapters.Data;

/// <summary>Deterministic shuffles and train/validation splits.</summary>
public static class DataSplit
{
    /// <summary>A copy of <paramref name="data"/> in a seeded Fisher–Yates order.</summary>
    public static Dataset Shuffle(Dataset data, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(data);
        return data.Select(Permutation(data.Count, seed), $"{data.Name} (shuffled)");
    }

    /// <summary>
    /// Shuffles with <paramref name="seed"/>, then puts the last <paramref name="validationFraction"/> of the examples in
    /// the validation set.
    /// </summary>
    public static (Dataset Train, Dataset Validation) Split(Dataset data, double validationFraction, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!(validationFraction > 0 && validationFraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(validationFraction), validationFraction, "The validation fraction must be in (0, 1).");
        }

        int[] order = Permutation(data.Count, seed);
        int validation = (int)Math.Round(data.Count * validationFraction);
        int train = data.Count - validation;
        return (data.Select(order[..train], $"{data.Name} (train)"), data.Select(order[train..], $"{data.Name} (validation)"));
    }

    /// <summary>A seeded permutation of 0..count−1.</summary>
    public static int[] Permutation(int count, ulong seed)
    {
        var order = new int[count];
        for (int i = 0; i < count; i++)
        {
            order[i] = i;
        }

        var rng = new Xoshiro256(seed, 0x5EED);
        for (int i = count - 1; i > 0; i--)
        {
            int j = rng.NextInt(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        return order;
    }
}

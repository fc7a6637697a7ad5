using System.Globalization;

namespace NeuroLc.Simulator.Theory;

/// <summary>Variable names for systems whose state is several length-N vectors (a1…aN, b1…bN, …).</summary>
internal static class MatrixNames
{
    /// <summary>The names prefix1…prefixN for each prefix in turn.</summary>
    public static string[] Vectors(int width, params string[] prefixes)
    {
        string[] names = new string[width * prefixes.Length];
        for (int p = 0; p < prefixes.Length; p++)
        {
            for (int i = 0; i < width; i++)
            {
                names[p * width + i] = prefixes[p] + (i + 1).ToString(CultureInfo.InvariantCulture);
            }
        }

        return names;
    }
}

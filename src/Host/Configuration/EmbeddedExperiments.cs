using System.Reflection;

namespace NeuroLc.Host.Configuration;

/// <summary>The experiment files of <c>experiments/</c>, embedded in the tool so that <c>reproduce</c> works wherever it is installed.</summary>
public static class EmbeddedExperiments
{
    private const string Prefix = "experiments/";

    /// <summary>Names of the embedded experiments (<c>fig7</c> … <c>fig14</c>).</summary>
    public static IReadOnlyList<string> Names { get; } = Assembly.GetExecutingAssembly().GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal) && !n.EndsWith(".schema.json", StringComparison.Ordinal))
        .Select(n => n[Prefix.Length..^".json".Length])
        .OrderBy(n => n.Length).ThenBy(n => n, StringComparer.Ordinal)
        .ToArray();

    /// <summary>The UTF-8 text of experiment <paramref name="name"/>, or null when there is none.</summary>
    public static byte[]? Read(string name)
    {
        using Stream? stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(Prefix + name + ".json");
        if (stream is null)
        {
            return null;
        }
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}

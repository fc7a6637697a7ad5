using System.Text;
using NeuroLc.Host.Configuration;

namespace NeuroLc.Host.Tests.Support;

/// <summary>Small experiment files for the tests.</summary>
internal static class Experiments
{
    /// <summary>Two logistic-engine runs of a few epochs each.</summary>
    public const string Tiny = """
        {
          "name": "tiny",
          "title": "tiny test",
          "data": { "kind": "Fk", "k": 0, "seed": 3, "limit": 400 },
          "training": { "epochs": 4, "batchSize": 20, "learningRate": 0.5, "seed": 5, "checkpointEvery": 7 },
          "model": { "layerSizes": [2, 1], "output": "Logistic" },
          "runs": [ { "name": "a-k0" }, { "name": "b-k0", "training": { "learningRate": 0.2 } } ]
        }
        """;

    public static ExperimentConfig Parse(string json, LoadOptions? options = null) =>
        ExperimentLoader.Parse(Encoding.UTF8.GetBytes(json), "test.json", options ?? LoadOptions.None);

    /// <summary>Path of the repository's <c>experiments/</c> folder (found upwards from the test binaries).</summary>
    public static string RepositoryFolder(string child)
    {
        string? folder = AppContext.BaseDirectory;
        while (folder is not null && !File.Exists(System.IO.Path.Combine(folder, "NeuroLc.sln")))
        {
            folder = System.IO.Path.GetDirectoryName(folder);
        }
        return System.IO.Path.Combine(folder ?? throw new InvalidOperationException("NeuroLc.sln not found above the test binaries"), child);
    }
}

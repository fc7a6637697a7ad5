using System.ComponentModel;

namespace NeuroLc.Host.Configuration;

/// <summary>Where a run's training and validation examples come from (DESIGN.md section 6, "Data on a fresh machine").</summary>
public sealed record DataConfig
{
    [Description("Fk (synthetic f_k, embedded), Mnist (MNIST-format IDX files) or Higgs (UCI CSV).")]
    public DataKind Kind { get; init; } = DataKind.Mnist;

    [Description("Fk only: the k of f_k = g o t^k.")]
    public int K { get; init; }

    [Description("Fk: generated training examples; Higgs: rows used for training (the rows after them validate).")]
    public int TrainCount { get; init; } = 100_000;

    [Description("Fk: generated validation examples; Higgs: rows used for validation.")]
    public int ValidationCount { get; init; } = 10_000;

    [Description("Fk only: seed of the generated examples.")]
    public ulong Seed { get; init; } = 7;

    [Description("Mnist only: folder of train-/t10k- IDX files; null uses --data or /usr/share/datasets/fashion-mnist/.")]
    public string? Folder { get; init; }

    [Description("Higgs only: HIGGS.csv[.gz]; null uses --higgs.")]
    public string? File { get; init; }

    [Description("Use at most this many training examples.")]
    public int? Limit { get; init; }

    [Description("Use at most this many validation examples.")]
    public int? ValidationLimit { get; init; }

    /// <summary>Range checks that the JSON types cannot express; each problem names its JSON path below <paramref name="path"/>.</summary>
    public IEnumerable<(string Path, string Reason)> Problems(string path)
    {
        if (K is < 0 or > 8)
        {
            yield return ($"{path}.k", $"expected 0 <= k <= 8 (got {K})");
        }
        if (TrainCount < 1)
        {
            yield return ($"{path}.trainCount", $"expected at least 1 example (got {TrainCount})");
        }
        if (ValidationCount < 1)
        {
            yield return ($"{path}.validationCount", $"expected at least 1 example (got {ValidationCount})");
        }
        if (Limit is < 1)
        {
            yield return ($"{path}.limit", $"expected at least 1 example (got {Limit})");
        }
        if (ValidationLimit is < 1)
        {
            yield return ($"{path}.validationLimit", $"expected at least 1 example (got {ValidationLimit})");
        }
    }
}

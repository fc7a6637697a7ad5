namespace NeuroLc.Host.Configuration;

/// <summary>Command-line changes applied on top of an experiment file: <c>--set</c>, <c>--epochs</c>, <c>--limit</c>, <c>--seed</c>, <c>--budget</c>, <c>--runs</c>.</summary>
public sealed record LoadOptions
{
    /// <summary>Assignments <c>a.b.c=value</c>; the value is JSON when it parses as JSON, otherwise a string.</summary>
    public IReadOnlyList<string> Sets { get; init; } = [];

    public int? Epochs { get; init; }

    public int? Limit { get; init; }

    public ulong? Seed { get; init; }

    public int? Threads { get; init; }

    /// <summary><c>--data</c>: the MNIST-format folder for Mnist runs that name none.</summary>
    public string? DataFolder { get; init; }

    /// <summary><c>--higgs</c>: the HIGGS CSV for Higgs runs that name none.</summary>
    public string? HiggsFile { get; init; }

    /// <summary>
    /// <c>--runs</c>: train only the runs of these names, in the file's order (null: every run of the budget). A name
    /// that no run of the budget has is an error that lists the names there are.
    /// </summary>
    public IReadOnlyList<string>? Runs { get; init; }

    /// <summary>Apply the file's <c>quick</c> overrides to every run.</summary>
    public bool Quick { get; init; }

    /// <summary>No overrides at all.</summary>
    public static LoadOptions None { get; } = new();
}

using System.Reflection;
using System.Runtime.InteropServices;
using NeuroLc.RateAdapters.Kernels;

namespace NeuroLc.Host.Runs;

/// <summary><c>manifest.json</c>: what produced a run directory (DESIGN.md section 10): seeds, version, git commit, SIMD path.</summary>
public sealed record Manifest
{
    public required string Tool { get; init; }

    public required string Version { get; init; }

    public required string GitCommit { get; init; }

    public required string Experiment { get; init; }

    public required IReadOnlyDictionary<string, ulong> Seeds { get; init; }

    /// <summary>The widest vector width the JIT uses here; bit-identity is promised for the same binary and SIMD path.</summary>
    public required string SimdPath { get; init; }

    public required string Runtime { get; init; }

    public required string Os { get; init; }

    public required int ProcessorCount { get; init; }

    public required DateTimeOffset CreatedUtc { get; init; }

    public required string CommandLine { get; init; }

    /// <summary>Describes this process for a run of <paramref name="experiment"/>.</summary>
    public static Manifest Describe(Configuration.ExperimentConfig experiment)
    {
        (string version, string commit) = VersionInfo();
        return new Manifest
        {
            Tool = "neurolc",
            Version = version,
            GitCommit = commit,
            Experiment = experiment.Name,
            Seeds = experiment.Runs.ToDictionary(r => r.Name, r => r.Training.Seed),
            SimdPath = SimdPathName(),
            Runtime = RuntimeInformation.FrameworkDescription,
            Os = RuntimeInformation.OSDescription,
            ProcessorCount = Environment.ProcessorCount,
            CreatedUtc = DateTimeOffset.UtcNow,
            CommandLine = string.Join(' ', Environment.GetCommandLineArgs().Skip(1)),
        };
    }

    /// <summary>The package version and the git commit the SDK stamped into the informational version (<c>0.1.0+sha</c>).</summary>
    public static (string Version, string Commit) VersionInfo()
    {
        string informational = typeof(Manifest).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        int plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? (informational, "unknown") : (informational[..plus], informational[(plus + 1)..]);
    }

    /// <summary>
    /// Names the vector path the rate kernels run (SGEMM and the element-wise passes choose it the same way):
    /// AVX-512 is detected with <c>Avx512F.IsSupported</c>, since <c>Vector512.IsHardwareAccelerated</c> is false on
    /// CPUs the runtime suspects of down-clocking although the kernels use the instructions directly.
    /// </summary>
    public static string SimdPathName() => SgemmPaths.Best switch
    {
        SgemmPath.Vector512 => "Vector512 (AVX-512F)",
        SgemmPath.Vector256 => "Vector256 (AVX2, FMA)",
        _ => "scalar",
    };
}

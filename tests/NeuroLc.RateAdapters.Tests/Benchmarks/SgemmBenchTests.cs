using NeuroLc.RateAdapters.Benchmarks;
using Xunit;

namespace NeuroLc.RateAdapters.Tests.Benchmarks;

/// <summary>The shape list and timing of `neurolc bench sgemm`, and the in-process OpenBLAS peer.</summary>
public sealed class SgemmBenchTests
{
    [Fact]
    public void The_shape_sets_partition_the_list_and_match_the_peer_script()
    {
        Assert.Equal(["fwd 100x784x100", "wgrad 784x100x100 (A^T)", "hidden 100x100x100"], SgemmBench.ShapesOf("fig7").Select(s => s.Name));
        Assert.Equal(["NN", "NT", "TN"], SgemmBench.ShapesOf("fig12").Select(s => s.Operation));
        Assert.Equal(SgemmShape.All.Count, SgemmBench.ShapesOf("fig7").Count + SgemmBench.ShapesOf("FIG12").Count + SgemmBench.ShapesOf("large").Count);
        Assert.Equal(SgemmShape.All, SgemmBench.ShapesOf("all"));
        Assert.Throws<ArgumentException>(() => SgemmBench.ShapesOf("fig9"));

        // bench/sgemm_peer.py times the same list: every name, network, transpose, extent and call count appears there.
        string script = File.ReadAllText(Path.Combine(RepositoryRoot(), "bench", "sgemm_peer.py"));
        foreach (SgemmShape s in SgemmShape.All)
        {
            string row = $"(\"{s.Name}\", \"{s.Network}\", {(s.TransposeA ? "True" : "False")}, {(s.TransposeB ? "True" : "False")}, {s.M}, {s.N}, {s.K}, {s.Calls})";
            Assert.Contains(row, script);
        }
    }

    [Fact]
    public void A_run_reports_every_trial_and_the_median()
    {
        SgemmShape tiny = new("tiny 7x13x5", "test", true, false, 7, 5, 13, 50);

        IReadOnlyList<SgemmBenchResult> results = SgemmBench.Run([tiny], threads: 1, callScale: 0.5);

        SgemmBenchResult r = Assert.Single(results);
        Assert.Equal(("tiny 7x13x5", "TN", 7, 5, 13, 1), (r.Name, r.Operation, r.M, r.N, r.K, r.Threads));
        Assert.Equal(3, r.TrialGflops.Count);
        Assert.Equal(r.TrialGflops.Order().ElementAt(1), r.Gflops, 9);
        Assert.Equal(tiny.Flops / (r.MicrosecondsPerCall * 1e-6) / 1e9, r.Gflops, 6);
        Assert.Null(r.Speedup);
        Assert.Throws<ArgumentOutOfRangeException>(() => SgemmBench.Run([tiny], threads: 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => SgemmBench.Run([tiny], threads: 1, callScale: 0));
    }

    [Fact]
    public void OpenBlas_is_timed_in_turn_on_the_same_operands_or_its_absence_is_named()
    {
        SgemmShape shape = SgemmBench.ShapesOf("fig7")[1];
        if (!File.Exists(OpenBlasPeer.DefaultPath))
        {
            // Without Debian's libopenblas0-pthread (.ci/run installs it), the error names the path and the package.
            var missing = Assert.Throws<FileNotFoundException>(() => OpenBlasPeer.Load(OpenBlasPeer.DefaultPath, 1));
            Assert.Contains(OpenBlasPeer.DefaultPath, missing.Message);
            Assert.Contains("libopenblas0-pthread", missing.Message);
            return;
        }

        OpenBlasPeer peer = OpenBlasPeer.Load(OpenBlasPeer.DefaultPath, 1);

        // The run compares the peer's product with ours element by element before timing (it throws on a mismatch).
        SgemmBenchResult r = Assert.Single(SgemmBench.Run([shape], threads: 1, callScale: 0.05, peer));
        Assert.Contains("OpenBLAS", peer.Description);
        Assert.Equal(15, r.PeerTrialGflops!.Count);
        Assert.Equal(15, r.TrialGflops.Count);
        Assert.True(r.PeerGflops > 0);
        Assert.Equal(r.PeerMicrosecondsPerCall!.Value / r.MicrosecondsPerCall, r.Speedup!.Value, 9);
    }

    [Fact]
    public void A_library_that_is_not_OpenBlas_is_refused_by_name()
    {
        string missing = Path.Combine(Path.GetTempPath(), "no-such-openblas.so");
        Assert.Contains(missing, Assert.Throws<FileNotFoundException>(() => OpenBlasPeer.Load(missing, 1)).Message);

        // Any shared library without OpenBLAS's exports: the .NET runtime's own native helper library.
        string notBlas = Directory.GetFiles(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "libSystem.Native.so").Single();
        Assert.Contains("is not OpenBLAS", Assert.Throws<FileNotFoundException>(() => OpenBlasPeer.Load(notBlas, 1)).Message);
    }

    private static string RepositoryRoot()
    {
        string? dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "NeuroLc.sln")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        return dir ?? throw new DirectoryNotFoundException("NeuroLc.sln not found above " + AppContext.BaseDirectory);
    }
}

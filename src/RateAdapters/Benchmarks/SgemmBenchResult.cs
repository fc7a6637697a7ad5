namespace NeuroLc.RateAdapters.Benchmarks;

/// <summary>
/// One shape timed by <see cref="SgemmBench"/>: the median over the trials of the mean time per call and each trial's
/// GFLOP/s (the figures bench/sgemm_peer.py prints), and the same for the in-process peer when one was timed in turn.
/// </summary>
public sealed record SgemmBenchResult(string Name, string Network, string Operation, int M, int N, int K, int Threads,
    double MicrosecondsPerCall, double Gflops, IReadOnlyList<double> TrialGflops,
    double? PeerMicrosecondsPerCall = null, double? PeerGflops = null, IReadOnlyList<double>? PeerTrialGflops = null)
{
    /// <summary>The peer's time over ours (above 1: ours is faster); null without a peer.</summary>
    public double? Speedup => PeerMicrosecondsPerCall / MicrosecondsPerCall;
}

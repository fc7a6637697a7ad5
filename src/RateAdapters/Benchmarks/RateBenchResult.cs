namespace NeuroLc.RateAdapters.Benchmarks;

/// <summary>
/// One timed training run: <see cref="Seconds"/> of wall time for <see cref="Examples"/> examples (whole minibatches),
/// synapse updates per second = forward weights × examples / seconds, and for Figure 12 the GFLOP/s of the matrix work.
/// </summary>
public sealed record RateBenchResult(string Network, string Algorithm, int Threads, string Data, long Examples, double Seconds,
    double SynapseUpdatesPerSecond, double? Gflops, double SecondsPer60000Examples);

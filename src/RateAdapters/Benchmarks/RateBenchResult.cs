namespace NeuroLc.RateAdapters.Benchmarks;

/// <summary>
/// One timed training run: <see cref="Seconds"/> of wall time for <see cref="Examples"/> examples (whole minibatches),
/// synapse updates per second = forward weights × examples / seconds, and for Figure 12 the GFLOP/s of the matrix work.
/// With interleaved peak readings, <see cref="PeakGflops"/> is their mean (two-core FMA peak of the same threads,
/// read between slices of the run), <see cref="ShareOfPeak"/> = <see cref="Gflops"/> / <see cref="PeakGflops"/>, and
/// <see cref="PeakReadings"/> lists every reading. With several timed repeats, <see cref="Seconds"/> is their median
/// (the other figures follow from it) and <see cref="SecondsAll"/> lists each.
/// </summary>
public sealed record RateBenchResult(string Network, string Algorithm, int Threads, string Data, long Examples, double Seconds,
    double SynapseUpdatesPerSecond, double? Gflops, double SecondsPer60000Examples,
    double? PeakGflops = null, double? ShareOfPeak = null, IReadOnlyList<double>? PeakReadings = null, IReadOnlyList<double>? SecondsAll = null);

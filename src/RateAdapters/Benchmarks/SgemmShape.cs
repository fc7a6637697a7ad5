namespace NeuroLc.RateAdapters.Benchmarks;

/// <summary>
/// One matrix product of the paper's networks, C (m×n) = op(A)·op(B) with k steps, as `neurolc bench sgemm` and the
/// OpenBLAS peer (bench/sgemm_peer.py) both time it: the same name, shape, transposes and number of calls per trial.
/// </summary>
/// <param name="Name">The name both tools print, e.g. "fwd 100x784x100" (m×k×n, as ../shared/peers/sgemm_bench.py).</param>
/// <param name="Network">fig7, fig12 or "large".</param>
/// <param name="TransposeA">op(A) = Aᵀ, A stored k×m (the weight gradient Oᵀ·δ).</param>
/// <param name="TransposeB">op(B) = Bᵀ, B stored n×k (the learning channel's δ·Wᵀ).</param>
/// <param name="M">Rows of C.</param>
/// <param name="N">Columns of C.</param>
/// <param name="K">Steps of each dot product.</param>
/// <param name="Calls">Calls per trial (about 0.1–0.3 s at the peer's speed).</param>
public sealed record SgemmShape(string Name, string Network, bool TransposeA, bool TransposeB, int M, int N, int K, int Calls)
{
    /// <summary>"NN", "NT" or "TN": which operand is read transposed.</summary>
    public string Operation => $"{(TransposeA ? 'T' : 'N')}{(TransposeB ? 'T' : 'N')}";

    /// <summary>Floating-point operations of one call, 2·m·n·k.</summary>
    public double Flops => 2.0 * M * N * K;

    /// <summary>
    /// The shapes, in this order in both tools. Figure 7 (784-100×4-10, batch 100) and the peer's 1000³ are those of
    /// ../shared/peers/sgemm_bench.py; Figure 12 (2-500×5-1, batch 100) adds its three products of a 500×500 layer:
    /// forward X·W, the learning channel δ·Wᵀ (eq. 7) and the weight gradient Oᵀ·δ (eq. 8).
    /// </summary>
    public static IReadOnlyList<SgemmShape> All { get; } =
    [
        new("fwd 100x784x100", "fig7", false, false, 100, 100, 784, 2000),
        new("wgrad 784x100x100 (A^T)", "fig7", true, false, 784, 100, 100, 2000),
        new("hidden 100x100x100", "fig7", false, false, 100, 100, 100, 10000),
        new("fwd 100x500x500", "fig12", false, false, 100, 500, 500, 400),
        new("delta 100x500x500 (B^T)", "fig12", false, true, 100, 500, 500, 400),
        new("wgrad 500x100x500 (A^T)", "fig12", true, false, 500, 500, 100, 400),
        new("big 1000x1000x1000", "large", false, false, 1000, 1000, 1000, 20),
    ];
}

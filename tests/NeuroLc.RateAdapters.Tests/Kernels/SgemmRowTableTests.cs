using System.Collections.Concurrent;
using NeuroLc.RateAdapters.Kernels;

namespace NeuroLc.RateAdapters.Tests.Kernels;

/// <summary>
/// The two additions the training loop relies on: A's rows read through an address table (the first layer reads
/// the dataset's rows in place) must give the same bits as the same rows copied into a matrix, and the row-range
/// epilogue must see every row of C exactly once, after its final value is stored. The address table also keeps
/// the row-block order where a plain A of a few rows against a large B runs panel pair by panel pair, so the
/// comparison checks that order's bits too.
/// </summary>
[Trait("Category", "Kernels")]
public sealed unsafe class SgemmRowTableTests
{
    public static TheoryData<int, int, int> Shapes => new()
    {
        { 1, 1, 1 }, { 7, 13, 5 }, { 13, 5, 7 }, { 100, 100, 784 }, { 784, 100, 100 }, { 33, 47, 29 }, { 100, 10, 100 },
        // B of 0.6–1 MB: the copied matrix takes the panel-pair-outer order, the table the row-block order
        // (an odd panel count and a partial last block of rows in the first).
        { 33, 490, 300 }, { 50, 500, 500 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Rows_read_through_an_address_table_give_the_bits_of_the_copied_matrix(int m, int n, int k)
    {
        foreach (SgemmPath path in Enum.GetValues<SgemmPath>().Where(SgemmPaths.IsSupported))
        {
            foreach (int threads in new[] { 1, 2 })
            {
                using var gemm = new Sgemm(threads, path);
                foreach (bool transposeA in new[] { false, true })
                {
                    // Stored A has `stored` rows of `width`; the table picks them, shuffled, from a larger pool.
                    int stored = transposeA ? k : m;
                    int width = transposeA ? m : k;
                    float[] pool = Random((stored + 5) * width, 11 + m);
                    int[] pick = Enumerable.Range(0, stored).Select(r => ((r * 7) + 3) % (stored + 5)).ToArray();
                    float[] copied = new float[stored * width];
                    for (int r = 0; r < stored; r++)
                    {
                        Array.Copy(pool, pick[r] * width, copied, r * width, width);
                    }

                    float[] b = Random(k * n, 13 + n);
                    float[] viaCopy = Random(m * n, 17);
                    float[] viaTable = (float[])viaCopy.Clone();
                    fixed (float* pp = pool, pc = copied, pb = b, c1 = viaCopy, c2 = viaTable)
                    {
                        nint[] table = new nint[stored];
                        for (int r = 0; r < stored; r++)
                        {
                            table[r] = (nint)(pp + (pick[r] * width));
                        }

                        fixed (nint* rows = table)
                        {
                            gemm.Multiply(transposeA, false, m, n, k, 0.5f, pc, width, null, pb, n, 1f, c1, n, null);
                            gemm.Multiply(transposeA, false, m, n, k, 0.5f, null, width, (float**)rows, pb, n, 1f, c2, n, null);
                        }
                    }

                    Assert.True(viaCopy.SequenceEqual(viaTable), $"{path}, {threads} thread(s), transposeA={transposeA}, {m}x{n}x{k}");
                }
            }
        }
    }

    [Theory]
    [InlineData(100, 100, 100, false)]
    [InlineData(7, 13, 5, false)]
    [InlineData(100, 500, 500, true)]
    [InlineData(20, 300, 50, true)]
    [InlineData(33, 490, 300, false)]
    public void The_epilogue_sees_every_row_once_after_it_is_final(int m, int n, int k, bool transposeB)
    {
        foreach (int threads in new[] { 1, 2 })
        {
            using var gemm = new Sgemm(threads);
            float[] a = Random(m * k, 3);
            float[] b = Random(k * n, 5);
            float[] expected = new float[m * n];
            gemm.Multiply(false, transposeB, m, n, k, 1f, a, k, b, transposeB ? k : n, 0f, expected, n);
            float[] c = new float[m * n];
            var seen = new ConcurrentBag<(int From, int To, bool Final)>();
            fixed (float* pa = a, pb = b, pc = c)
            {
                float* cPtr = pc;
                gemm.Multiply(false, transposeB, m, n, k, 1f, pa, k, pb, transposeB ? k : n, 0f, pc, n, (from, to) =>
                {
                    bool final = true;
                    for (int i = from * n; i < to * n; i++)
                    {
                        final &= cPtr[i] == expected[i];
                    }

                    seen.Add((from, to, final));
                });
            }

            var ranges = seen.OrderBy(r => r.From).ToList();
            Assert.All(ranges, r => Assert.True(r.Final, $"rows {r.From}..{r.To} were not final when the epilogue ran"));
            int next = 0;
            foreach ((int from, int to, _) in ranges)
            {
                Assert.Equal(next, from);
                next = to;
            }

            Assert.Equal(m, next);
        }
    }

    private static float[] Random(int length, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, length).Select(_ => (float)((rng.NextDouble() * 2) - 1)).ToArray();
    }
}

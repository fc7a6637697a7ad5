using NeuroLc.RateAdapters.Kernels;

namespace NeuroLc.RateAdapters.Tests.Kernels;

/// <summary>
/// Products on weights held only in the packed panel layout (<c>Sgemm.Panels.cs</c>) must give the bits of the same
/// product on the row-major matrix, on every path and thread count: the two-lane training step relies on it to stay
/// bit-identical to one thread.
/// </summary>
[Trait("Category", "Kernels")]
public sealed unsafe class SgemmPanelTests
{
    public static TheoryData<int, int, int> Shapes => new()
    {
        { 1, 1, 1 }, { 7, 13, 5 }, { 13, 5, 7 }, { 10, 32, 17 }, { 33, 47, 29 }, { 100, 100, 100 }, { 20, 300, 300 },
        { 13, 300, 300 }, { 48, 250, 170 }, { 50, 500, 500 }, { 353, 390, 37 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void An_update_written_into_the_panels_gives_the_bits_of_the_row_major_update(int m, int n, int k)
    {
        foreach (Sgemm gemm in Engines())
        {
            using (gemm)
            {
                foreach (bool transposeA in new[] { false, true })
                {
                    // C (m×n) ← C + α·op(A)·B, once row-major and once on C's panel copy.
                    float[] a = Random(m * k, 3 + m);
                    float[] b = Random(k * n, 5 + n);
                    float[] rowMajor = Random(m * n, 7 + k);
                    float[] panels = new float[Sgemm.PanelFloats(m, n)];
                    float[] unpacked = new float[m * n];
                    fixed (float* pa = a, pb = b, pc = rowMajor, pp = panels, pu = unpacked)
                    {
                        Sgemm.PackRows(pc, n, m, n, 0, m, pp, 0, Sgemm.PanelCount(n));
                        int lda = transposeA ? m : k;
                        gemm.Multiply(transposeA, false, m, n, k, 0.3f, pa, lda, null, pb, n, 1f, pc, n, null);
                        gemm.MultiplyIntoPanels(transposeA, m, n, k, 0.3f, pa, lda, null, pb, n, 1f, pp, null);
                        Sgemm.UnpackRows(pp, m, n, pu, n);
                    }

                    Assert.True(rowMajor.SequenceEqual(unpacked), $"{gemm.Path}, {gemm.Threads} thread(s), transposeA={transposeA}, {m}x{n}x{k}");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void The_transposed_product_on_panels_gives_the_bits_of_the_row_major_product(int m, int n, int k)
    {
        foreach (Sgemm gemm in Engines())
        {
            using (gemm)
            {
                // C (m×n) = δ (m×k) · Wᵀ with W n×k, once from W row-major and once from W's panel copy.
                float[] delta = Random(m * k, 11 + m);
                float[] w = Random(n * k, 13 + n);
                float[] panels = new float[Sgemm.PanelFloats(n, k)];
                float[] fromRows = Random(m * n, 17);
                float[] fromPanels = Random(m * n, 19);
                fixed (float* pd = delta, pw = w, pp = panels, c1 = fromRows, c2 = fromPanels)
                {
                    Sgemm.PackRows(pw, k, n, k, 0, n, pp, 0, Sgemm.PanelCount(k));
                    gemm.Multiply(false, true, m, n, k, 1.5f, pd, k, pw, k, 0f, c1, n);
                    gemm.MultiplyByPanelsTransposed(m, n, k, 1.5f, pd, k, pp, 0f, c2, n, null);
                }

                Assert.True(fromRows.SequenceEqual(fromPanels), $"{gemm.Path}, {gemm.Threads} thread(s), {m}x{n}x{k}");
            }
        }
    }

    [Theory]
    [InlineData(50, 500, 500)]
    [InlineData(33, 490, 300)]
    [InlineData(353, 390, 37)]
    [InlineData(784, 100, 100)]
    [InlineData(133, 500, 600)]
    public void The_pair_outer_orders_give_the_bits_of_the_row_block_order(int m, int n, int k)
    {
        // 133×600 floats of A are more than fit in L2 beside B (1.2 MB packed): one thread runs them in two pieces
        // (70 and 63 rows, the last with a partial block), each lane of two threads in one.
        // A forward product from panels (m×k times k×n) and an update (C m×n += α·Aᵀ·B, A k×m) into panels and into
        // row-major C, on one and two threads, with the pair-outer orders on and off. With them off every product runs
        // row block by row block.
        float[] a = Random(m * k, 23);
        float[] b = Random(k * n, 29);
        float[] panelsOfB = new float[Sgemm.PanelFloats(k, n)];
        float[] c0 = Random(m * n, 31);
        float[] cPanels = new float[Sgemm.PanelFloats(m, n)];
        var forward = new float[4][];
        var update = new float[4][];
        var rowMajor = new float[4][];
        for (int side = 0; side < 4; side++)
        {
            using var gemm = new Sgemm(side < 2 ? 1 : 2) { PairOuterOrders = side % 2 == 0 };
            forward[side] = new float[m * n];
            update[side] = new float[m * n];
            rowMajor[side] = (float[])c0.Clone();
            fixed (float* pa = a, pb = b, pbp = panelsOfB, pc0 = c0, pcp = cPanels, pf = forward[side], pu = update[side], pr = rowMajor[side])
            {
                Sgemm.PackRows(pb, n, k, n, 0, k, pbp, 0, Sgemm.PanelCount(n));
                gemm.MultiplyPrepacked(m, n, k, 1.5f, pa, k, null, pbp, 0f, pf, n, null);
                Sgemm.PackRows(pc0, n, m, n, 0, m, pcp, 0, Sgemm.PanelCount(n));
                gemm.MultiplyIntoPanels(true, m, n, k, 0.3f, pa, m, null, pb, n, 1f, pcp, null);
                Sgemm.UnpackRows(pcp, m, n, pu, n);
                gemm.Multiply(true, false, m, n, k, 0.3f, pa, m, null, pb, n, 1f, pr, n, null);
            }
        }

        for (int side = 1; side < 4; side++)
        {
            Assert.True(forward[0].SequenceEqual(forward[side]), $"forward {m}x{n}x{k}, side {side}");
            Assert.True(update[0].SequenceEqual(update[side]), $"update into panels {m}x{n}x{k}, side {side}");
            Assert.True(update[0].SequenceEqual(rowMajor[side]), $"row-major update {m}x{n}x{k}, side {side}");
        }

        Assert.True(update[0].SequenceEqual(rowMajor[0]), $"row-major update {m}x{n}x{k}");
    }

    [Theory]
    [InlineData(100, 500, 500)]
    [InlineData(23, 490, 300)]
    [InlineData(10, 512, 256)]
    [InlineData(60, 130, 1000)]
    public void The_column_split_gives_the_bits_of_one_thread(int m, int n, int k)
    {
        // A plain product with B still to pack (C ← 0.7·A·B + 0.5·C), whose A fits the pair-outer order: two threads
        // split by columns (each packing its own pairs; the second also takes a lone last panel, as with 490 = 30.6
        // panels) and split by rows must both give one thread's bits; a partial last block of rows (23) goes with
        // every pair. The one-thread result is also held against the scalar sum.
        float[] a = Random(m * k, 41);
        float[] b = Random(k * n, 43);
        float[] c0 = Random(m * n, 47);
        var results = new float[3][];
        for (int side = 0; side < 3; side++)
        {
            using var gemm = new Sgemm(side == 0 ? 1 : 2) { ColumnSplits = side == 1 };
            results[side] = (float[])c0.Clone();
            gemm.Multiply(false, false, m, n, k, 0.7f, a, k, b, n, 0.5f, results[side], n);
        }

        Assert.True(results[0].SequenceEqual(results[1]), $"column split {m}x{n}x{k}");
        Assert.True(results[0].SequenceEqual(results[2]), $"row split {m}x{n}x{k}");
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double sum = 0;
                for (int p = 0; p < k; p++)
                {
                    sum += (double)a[(i * k) + p] * b[(p * n) + j];
                }

                double expected = (0.7 * sum) + (0.5 * c0[(i * n) + j]);
                Assert.True(Math.Abs(results[0][(i * n) + j] - expected) <= 1e-4 * (1 + Math.Abs(expected)), $"C[{i},{j}] of {m}x{n}x{k}");
            }
        }
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 13)]
    [InlineData(16, 16)]
    [InlineData(17, 33)]
    [InlineData(100, 10)]
    [InlineData(500, 500)]
    [InlineData(784, 100)]
    public void The_transposed_panels_are_the_panels_of_the_transpose(int k, int n)
    {
        // The k×n matrix packed, then its panels transposed, against the n×k transpose packed directly: ragged rows of
        // the source become the zero columns of the transpose's last panel. The target starts as NaN, so a block the
        // transposition skipped or a padding column it left unwritten shows.
        float[] matrix = Random(k * n, 37 + k);
        float[] transpose = new float[k * n];
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < n; j++)
            {
                transpose[(j * k) + i] = matrix[(i * n) + j];
            }
        }

        int floats = Sgemm.PanelCount(k) * n * Sgemm.PanelColumns;
        float[] panels = new float[Sgemm.PanelFloats(k, n)];
        float[] expected = new float[Sgemm.PanelFloats(n, k)];
        float[] transposed = Enumerable.Repeat(float.NaN, Sgemm.PanelFloats(n, k)).ToArray();
        fixed (float* pm = matrix, pt = transpose, pp = panels, pe = expected, px = transposed)
        {
            Sgemm.PackRows(pm, n, k, n, 0, k, pp, 0, Sgemm.PanelCount(n));
            Sgemm.PackRows(pt, k, n, k, 0, n, pe, 0, Sgemm.PanelCount(k));
            Sgemm.TransposePanels(pp, k, n, px);
        }

        Assert.Equal(expected[..floats], transposed[..floats]);
    }

    [Fact]
    public void The_register_transpose_of_a_block_is_the_scalar_transpose()
    {
        if (!System.Runtime.Intrinsics.X86.Avx512F.IsSupported)
        {
            return;
        }

        // Every count of source rows (the rest read as zero) and of target rows (the rest left untouched).
        float[] block = Random(16 * 16, 41);
        for (int rowsIn = 1; rowsIn <= 16; rowsIn++)
        {
            for (int rowsOut = 1; rowsOut <= 16; rowsOut++)
            {
                float[] scalar = Enumerable.Repeat(-7f, 16 * 16).ToArray();
                float[] vector = Enumerable.Repeat(-7f, 16 * 16).ToArray();
                fixed (float* pb = block, ps = scalar, pv = vector)
                {
                    Sgemm.TransposeBlockScalar(pb, rowsIn, ps, rowsOut);
                    Sgemm.TransposeBlock512(pb, rowsIn, pv, rowsOut);
                }

                Assert.True(scalar.SequenceEqual(vector), $"rows in {rowsIn}, rows out {rowsOut}");
                Assert.Equal(block[16 * (rowsIn - 1)], scalar[rowsIn - 1]);
            }
        }
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(7, 13, 5)]
    [InlineData(33, 47, 29)]
    [InlineData(260, 260, 40)]
    [InlineData(260, 270, 33)]
    [InlineData(500, 500, 100)]
    public void An_update_into_panels_also_writes_the_panels_of_its_transpose(int m, int n, int k)
    {
        // W (m×n) ← W + α·Aᵀ·B on W's panels, with and without the transposed copy: the panels must keep their bits
        // and the copy must be the panels of Wᵀ. One thread on 260×260 and 500×500 (whole blocks of ten rows, 128 KB
        // or more) writes the copy pair of panels by pair of panels inside the product (270 columns end on a
        // lone panel); two threads and the other shapes transpose after it.
        foreach (Sgemm gemm in Engines())
        {
            using (gemm)
            {
                float[] a = Random(k * m, 43 + m);
                float[] b = Random(k * n, 47 + n);
                float[] w = Random(m * n, 53 + k);
                float[] plain = new float[Sgemm.PanelFloats(m, n)];
                float[] withCopy = new float[Sgemm.PanelFloats(m, n)];
                float[] copy = Enumerable.Repeat(float.NaN, Sgemm.PanelFloats(n, m)).ToArray();
                float[] expected = new float[Sgemm.PanelFloats(n, m)];
                fixed (float* pa = a, pb = b, pw = w, pp = plain, pc = withCopy, px = copy, pe = expected)
                {
                    Sgemm.PackRows(pw, n, m, n, 0, m, pp, 0, Sgemm.PanelCount(n));
                    Sgemm.PackRows(pw, n, m, n, 0, m, pc, 0, Sgemm.PanelCount(n));
                    gemm.MultiplyIntoPanels(true, m, n, k, 0.3f, pa, m, null, pb, n, 1f, pp, null);
                    gemm.MultiplyIntoPanelsAndTransposed(true, m, n, k, 0.3f, pa, m, null, pb, n, 1f, pc, px);
                    Sgemm.TransposePanels(pp, m, n, pe);
                }

                string label = $"{gemm.Path}, {gemm.Threads} thread(s), {m}x{n}x{k}";
                Assert.True(plain.SequenceEqual(withCopy), label);
                int floats = Sgemm.PanelCount(m) * n * Sgemm.PanelColumns;
                Assert.True(expected.AsSpan(0, floats).SequenceEqual(copy.AsSpan(0, floats)), label);
            }
        }
    }

    [Fact]
    public void Unpacking_inverts_packing_and_the_ragged_columns_are_zero()
    {
        // 45 columns: two whole panels and one of 13 columns, whose 3 ragged columns the layout keeps at zero (packed
        // with a masked load on the 512-bit path). The matrix is followed by NaN that a load past row ends would pick up.
        float[] matrix = [.. Random(37 * 45, 23), .. Enumerable.Repeat(float.NaN, 16)];
        float[] panels = Enumerable.Repeat(float.NaN, Sgemm.PanelFloats(37, 45)).ToArray();
        float[] back = new float[37 * 45];
        fixed (float* pm = matrix, pp = panels, pb = back)
        {
            Sgemm.PackRows(pm, 45, 37, 45, 0, 37, pp, 0, Sgemm.PanelCount(45));
            Sgemm.UnpackRows(pp, 37, 45, pb, 45);
        }

        Assert.Equal(matrix[..(37 * 45)], back);
        for (int p = 0; p < 37; p++)
        {
            for (int j = 13; j < 16; j++)
            {
                Assert.Equal(0f, panels[(2 * 37 * 16) + (p * 16) + j]);
            }
        }
    }

    private static IEnumerable<Sgemm> Engines() =>
        Enum.GetValues<SgemmPath>().Where(SgemmPaths.IsSupported).SelectMany(path => new[] { new Sgemm(1, path), new Sgemm(2, path) });

    private static float[] Random(int length, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, Math.Max(1, length)).Select(_ => (float)((rng.NextDouble() * 2) - 1)).ToArray();
    }
}

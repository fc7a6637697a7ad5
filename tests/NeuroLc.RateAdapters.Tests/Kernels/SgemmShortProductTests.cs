using NeuroLc.RateAdapters.Kernels;

namespace NeuroLc.RateAdapters.Tests.Kernels;

/// <summary>
/// Products with few steps (<c>Sgemm.ShortProducts.cs</c>): k = 1 (a network's one-output learning channel, e·C^h)
/// as outer products in every operand layout, and 2 ≤ k ≤ 16 with B in panels (SRBP's e·C^h with ten outputs), must
/// give the register-blocked kernel's bits, with its sign of zero, and call the epilogue for every row.
/// </summary>
[Trait("Category", "Kernels")]
public sealed unsafe class SgemmShortProductTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 13)]
    [InlineData(10, 16)]
    [InlineData(50, 500)]
    [InlineData(33, 300)]
    [InlineData(100, 100)]
    public void A_product_with_one_step_gives_the_bits_of_the_kernel(int m, int n)
    {
        float[] a = Random(m, 5 + m);
        float[] b = Random(n, 7 + n);
        // The kernel's chain starts from +0: fma(−x, 0, +0) = +0, where −x·0 alone would be −0.
        a[0] = -Math.Abs(a[0]) - 0.5f;
        b[0] = 0f;
        foreach (bool transposeA in new[] { false, true })
        {
            foreach (bool transposeB in new[] { false, true })
            {
                float[] kernel = Product(outer: false, transposeA, transposeB, m, n, a, b);
                float[] outer = Product(outer: true, transposeA, transposeB, m, n, a, b);

                Assert.True(kernel.SequenceEqual(outer), $"{m}x{n} transposeA={transposeA} transposeB={transposeB}");
                Assert.Equal(0, BitConverter.SingleToInt32Bits(outer[0]));
                Assert.Equal(0.75f * a[m - 1] * b[n - 1], outer[((m - 1) * n) + n - 1], 6);
            }
        }
    }

    [Fact]
    public void The_prepacked_row_and_rows_by_address_give_the_bits_of_the_kernel_and_the_epilogue_sees_every_row()
    {
        const int m = 50, n = 500;
        float[] a = Random(m, 11);
        float[] b = Random(n, 13);
        float[] panels = new float[Sgemm.PanelFloats(1, n)];
        fixed (float* pb = b, pp = panels)
        {
            Sgemm.PackRows(pb, n, 1, n, 0, 1, pp, 0, Sgemm.PanelCount(n));
        }

        var results = new float[2][];
        var seen = new bool[2][];
        for (int side = 0; side < 2; side++)
        {
            using var gemm = new Sgemm(1) { ShortProducts = side == 1 };
            results[side] = new float[m * n];
            bool[] rows = seen[side] = new bool[m];
            float*[] rowAddresses = new float*[m];
            fixed (float* pa = a, pp = panels, pc = results[side])
            fixed (float** pr = rowAddresses)
            {
                for (int i = 0; i < m; i++)
                {
                    pr[i] = pa + i;
                }

                gemm.MultiplyPrepacked(m, n, 1, 1f, pa, 1, pr, pp, 0f, pc, n, (r0, r1) =>
                {
                    for (int r = r0; r < r1; r++)
                    {
                        rows[r] = true;
                    }
                });
            }
        }

        Assert.True(results[0].SequenceEqual(results[1]));
        Assert.All(seen[1], Assert.True);
        Assert.Equal(a[3] * b[17], results[1][(3 * n) + 17]);
    }

    [Theory]
    [InlineData(1, 1, 2)]
    [InlineData(7, 13, 3)]
    [InlineData(50, 100, 10)]
    [InlineData(33, 300, 16)]
    [InlineData(10, 129, 2)]
    [InlineData(12, 128, 5)]
    public void A_short_product_with_b_in_panels_gives_the_bits_of_the_kernel(int m, int n, int k)
    {
        float[] a = Random(m * k, 29 + m);
        float[] b = Random(k * n, 31 + n);
        // A row of zeros in A meets negative B: the kernel's chains start from +0, so C's row is +0, not −0.
        Array.Clear(a, 0, k);
        for (int j = 0; j < n; j++)
        {
            b[j] = -Math.Abs(b[j]) - 0.25f;
        }

        float[] panels = new float[Sgemm.PanelFloats(k, n)];
        fixed (float* pb = b, pp = panels)
        {
            Sgemm.PackRows(pb, n, k, n, 0, k, pp, 0, Sgemm.PanelCount(n));
        }

        var results = new float[2][];
        var seen = new bool[2][];
        for (int side = 0; side < 2; side++)
        {
            using var gemm = new Sgemm(1) { ShortProducts = side == 1 };
            results[side] = Enumerable.Repeat(float.NaN, m * n).ToArray();
            bool[] rows = seen[side] = new bool[m];
            float*[] rowAddresses = new float*[m];
            fixed (float* pa = a, pp = panels, pc = results[side])
            fixed (float** pr = rowAddresses)
            {
                for (int i = 0; i < m; i++)
                {
                    pr[i] = pa + (i * k);
                }

                gemm.MultiplyPrepacked(m, n, k, 0.625f, pa, k, side == 1 && m > 1 ? pr : null, pp, 0f, pc, n, (r0, r1) =>
                {
                    for (int r = r0; r < r1; r++)
                    {
                        rows[r] = true;
                    }
                });
            }
        }

        Assert.True(results[0].SequenceEqual(results[1]), $"{m}x{n}x{k}");
        Assert.All(seen[1], Assert.True);
        Assert.All(results[1].Take(n), v => Assert.Equal(0, BitConverter.SingleToInt32Bits(v)));
        double expected = 0;
        for (int p = 0; p < k; p++)
        {
            expected += (double)a[((m - 1) * k) + p] * b[(p * n) + n - 1];
        }

        Assert.Equal(0.625 * expected, results[1][(m * n) - 1], 5);
    }

    [Fact]
    public void A_product_that_reads_c_keeps_the_kernel()
    {
        // β ≠ 0 reads C: the outer-product path is for β = 0 only, so both engines give the same bits here too.
        float[] a = Random(20, 17);
        float[] b = Random(40, 19);
        float[] c0 = Random(20 * 40, 23);
        float[] first = (float[])c0.Clone();
        float[] second = (float[])c0.Clone();
        using (var gemm = new Sgemm(1) { ShortProducts = false })
        {
            gemm.Multiply(false, false, 20, 40, 1, 0.3f, a, 1, b, 40, 0.9f, first, 40);
        }

        using (var gemm = new Sgemm(1))
        {
            gemm.Multiply(false, false, 20, 40, 1, 0.3f, a, 1, b, 40, 0.9f, second, 40);
        }

        Assert.Equal(first, second);
    }

    private static float[] Product(bool outer, bool transposeA, bool transposeB, int m, int n, float[] a, float[] b)
    {
        using var gemm = new Sgemm(2) { ShortProducts = outer };
        var c = new float[m * n];
        // op(A) is m×1: a column (lda 1) or, transposed, the 1×m row; op(B) is 1×n: a row or, transposed, an n×1 column.
        gemm.Multiply(transposeA, transposeB, m, n, 1, 0.75f, a, transposeA ? m : 1, b, transposeB ? 1 : n, 0f, c, n);
        return c;
    }

    private static float[] Random(int length, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, Math.Max(1, length)).Select(_ => (float)((rng.NextDouble() * 2) - 1)).ToArray();
    }
}

using NeuroLc.RateAdapters.Kernels;

namespace NeuroLc.RateAdapters.Tests.Kernels;

[Trait("Category", "Kernels")]
public sealed class SgemmTests
{
    public static TheoryData<int, int, int> Shapes => new()
    {
        { 1, 1, 1 }, { 7, 13, 5 }, { 5, 7, 13 }, { 13, 5, 7 }, { 1, 17, 3 }, { 17, 1, 33 }, { 11, 16, 0 },
        { 100, 100, 784 }, { 784, 100, 100 }, { 100, 784, 100 }, { 100, 100, 100 }, { 100, 10, 100 }, { 100, 100, 10 },
        { 300, 1, 100 }, { 100, 300, 1 }, { 33, 47, 29 }, { 21, 32, 64 },
    };

    public static IEnumerable<object[]> Paths() =>
        Enum.GetValues<SgemmPath>().Where(SgemmPaths.IsSupported).Select(p => new object[] { p });

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Every_path_and_transpose_matches_the_naive_product(int m, int n, int k)
    {
        var engines = Enum.GetValues<SgemmPath>().Where(SgemmPaths.IsSupported)
            .SelectMany(path => new[] { new Sgemm(1, path), new Sgemm(2, path) }).ToList();
        try
        {
            foreach (bool ta in new[] { false, true })
            {
                foreach (bool tb in new[] { false, true })
                {
                    Check(engines, m, n, k, ta, tb, alpha: 0.75f, beta: 0f, extraLd: 0);
                    Check(engines, m, n, k, ta, tb, alpha: -1.25f, beta: 0.5f, extraLd: 3);
                }
            }
        }
        finally
        {
            engines.ForEach(e => e.Dispose());
        }
    }

    [Fact]
    public void The_500_square_shape_of_figure_12_matches_on_the_best_path()
    {
        using var gemm = new Sgemm(2);
        Check([gemm], 100, 500, 500, false, false, 1f, 0f, 0);
        Check([gemm], 500, 500, 100, true, false, 0.01f, 1f, 0);
        Check([gemm], 100, 500, 500, false, true, 1f, 0f, 0);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Results_are_bit_identical_for_one_and_two_threads(SgemmPath path)
    {
        const int m = 103, n = 45, k = 200;
        float[] a = Random(m * k, 1);
        float[] b = Random(k * n, 2);
        var c1 = new float[m * n];
        var c2 = new float[m * n];
        using (var one = new Sgemm(1, path))
        {
            one.Multiply(false, false, m, n, k, 1f, a, k, b, n, 0f, c1, n);
        }

        using (var two = new Sgemm(2, path))
        {
            two.Multiply(false, false, m, n, k, 1f, a, k, b, n, 0f, c2, n);
        }

        Assert.Equal(c1, c2);
    }

    [Fact]
    public void Beta_zero_overwrites_NaN_in_C()
    {
        using var gemm = new Sgemm(1);
        float[] c = [float.NaN, float.NaN, float.NaN, float.NaN];
        gemm.Multiply(false, false, 2, 2, 2, 1f, [1, 2, 3, 4], 2, [5, 6, 7, 8], 2, 0f, c, 2);
        Assert.Equal(new float[] { 19, 22, 43, 50 }, c);
    }

    [Fact]
    public void The_store_rounds_full_panels_fused_and_ragged_columns_as_the_scalar_store()
    {
        // k = 1, so each tile element is exactly round(a·b). A full 16-column panel is stored as one fused
        // β·c + α·t; the ragged columns 16..19 as α·t and β·c rounded apart, then summed (the scalar store's roundings,
        // kept so a column's bits never depend on the path that wrote it).
        const int m = 10, n = 20;
        float[] a = Random(m, 41);
        float[] b = Random(n, 43);
        float[] c0 = Random(m * n, 47);
        const float alpha = 0.7310586f, beta = -1.3183183f;
        foreach (SgemmPath path in new[] { SgemmPath.Vector512 }.Where(SgemmPaths.IsSupported))
        {
            using var gemm = new Sgemm(1, path);
            float[] c = (float[])c0.Clone();
            gemm.Multiply(false, false, m, n, 1, alpha, a, 1, b, n, beta, c, n);
            int fusedDiffers = 0;
            for (int i = 0; i < m; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    float t = alpha * (a[i] * b[j]);
                    float separate = (beta * c0[(i * n) + j]) + t;
                    float fused = MathF.FusedMultiplyAdd(beta, c0[(i * n) + j], t);
                    Assert.Equal(j < 16 ? fused : separate, c[(i * n) + j]);
                    fusedDiffers += j >= 16 && fused != separate ? 1 : 0;
                }
            }

            // The data must tell the two roundings apart, or the check above would prove nothing for the ragged columns.
            Assert.True(fusedDiffers > 0);
        }
    }

    [Fact]
    public void Too_short_operands_are_rejected_with_the_operand_name()
    {
        using var gemm = new Sgemm(1);
        var ex = Assert.Throws<ArgumentException>(() => gemm.Multiply(false, false, 2, 2, 2, 1f, new float[3], 2, new float[4], 2, 0f, new float[4], 2));
        Assert.Equal("a", ex.ParamName);
    }

    private static void Check(IReadOnlyList<Sgemm> engines, int m, int n, int k, bool ta, bool tb, float alpha, float beta, int extraLd)
    {
        int aRows = ta ? k : m, aCols = ta ? m : k;
        int bRows = tb ? n : k, bCols = tb ? k : n;
        int lda = aCols + extraLd, ldb = bCols + extraLd, ldc = n + extraLd;
        float[] a = Random(Math.Max(1, aRows * lda), 3 + m);
        float[] b = Random(Math.Max(1, bRows * ldb), 5 + n);
        float[] c0 = Random(Math.Max(1, m * ldc), 7 + k);
        var expected = new double[m * n];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double sum = 0;
                for (int p = 0; p < k; p++)
                {
                    double x = ta ? a[(p * lda) + i] : a[(i * lda) + p];
                    double y = tb ? b[(j * ldb) + p] : b[(p * ldb) + j];
                    sum += x * y;
                }

                expected[(i * n) + j] = (alpha * sum) + (beta == 0 ? 0 : beta * c0[(i * ldc) + j]);
            }
        }

        foreach (Sgemm gemm in engines)
        {
            float[] c = (float[])c0.Clone();
            gemm.Multiply(ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
            Compare(gemm, c, expected, m, n, k, ldc, ta, tb);
        }
    }

    private static void Compare(Sgemm gemm, float[] c, double[] expected, int m, int n, int k, int ldc, bool ta, bool tb)
    {
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double tolerance = 1e-5 * (k + 2);
                double actual = c[(i * ldc) + j];
                Assert.True(Math.Abs(actual - expected[(i * n) + j]) <= tolerance,
                    $"{gemm.Path} threads {gemm.Threads} {m}x{n}x{k} tA={ta} tB={tb}: C[{i},{j}] = {actual}, expected {expected[(i * n) + j]}");
            }
        }
    }

    private static float[] Random(int length, int seed)
    {
        var rng = new Random(seed);
        var x = new float[length];
        for (int i = 0; i < length; i++)
        {
            x[i] = (float)((rng.NextDouble() * 2) - 1);
        }

        return x;
    }
}

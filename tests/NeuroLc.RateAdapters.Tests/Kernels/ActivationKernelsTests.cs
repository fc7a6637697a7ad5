using NeuroLc.RateAdapters.Kernels;
using NeuroLc.RateAdapters.Training;

namespace NeuroLc.RateAdapters.Tests.Kernels;

[Trait("Category", "Kernels")]
public sealed class ActivationKernelsTests
{
    public static IEnumerable<object[]> Activations() => Enum.GetValues<Activation>().Select(a => new object[] { a });

    [Theory]
    [MemberData(nameof(Activations))]
    public void Derivative_product_matches_the_scalar_formula_at_every_length(Activation f)
    {
        foreach (int length in Enumerable.Range(0, 257).Append(1001))
        {
            float[] s = Values(length, 11);
            float[] z = Values(length, 12);
            var o = new float[length];
            ActivationKernels.Apply(f, s, o);
            var d = new float[length];
            ActivationKernels.DerivativeProduct(f, o, z, d);
            for (int i = 0; i < length; i++)
            {
                double expected = Derivative(f, s[i]) * z[i];
                Assert.True(Math.Abs(d[i] - expected) <= 1e-5 * (1 + Math.Abs(expected)), $"{f} length {length} [{i}]: {d[i]} vs {expected}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Activations))]
    public void Bias_activation_adds_the_bias_to_every_row_then_applies_f(Activation f)
    {
        const int rows = 7, cols = 13;
        float[] s = Values(rows * cols, 3);
        float[] original = (float[])s.Clone();
        float[] bias = Values(cols, 4);
        var o = new float[rows * cols];
        ActivationKernels.BiasActivation(s, bias, rows, f, o);
        for (int i = 0; i < rows * cols; i++)
        {
            double pre = (double)original[i] + bias[i % cols];
            Assert.Equal(pre, s[i], 5);
            Assert.Equal(Value(f, pre), o[i], 5);
        }
    }

    [Theory]
    [InlineData(Activation.Tanh)]
    [InlineData(Activation.Logistic)]
    public void Vector_transfer_functions_have_small_relative_error_over_the_whole_range(Activation f)
    {
        float[] x = Enumerable.Range(-4000, 8001).Select(i => i * 0.01f)
            .Concat([1e-6f, -3e-5f, 0.0499f, 0.0501f, -0.05f, 1e-30f, 87.5f, -100f, 100f]).ToArray();
        var y = new float[x.Length];
        ActivationKernels.Apply(f, x, y);
        for (int i = 0; i < x.Length; i++)
        {
            double expected = Value(f, x[i]);
            Assert.True(Math.Abs(y[i] - expected) <= (2e-6 * Math.Abs(expected)) + 1e-30, $"{f}({x[i]}) = {y[i]}, expected {expected}");
        }
    }

    [Fact]
    public void Column_sums_add_rows_in_order()
    {
        float[] x = [1, 2, 3, 4, 5, 6];
        var sums = new float[3];
        ActivationKernels.ColumnSums(x, 2, sums);
        Assert.Equal(new float[] { 5, 7, 9 }, sums);
    }

    [Theory]
    [InlineData(100, 100)]
    [InlineData(37, 300)]
    [InlineData(3, 7)]
    [InlineData(1, 129)]
    public void Column_sums_and_bias_additions_round_as_the_scalar_loops(int rows, int cols)
    {
        // Bias gradients and pre-activations feed the weights of the bit-identity tests: each column sum must be the
        // float sum from +0 in row order (an all −0 column sums to +0), each biased value one float addition.
        float[] x = Values(rows * cols, 11);
        for (int r = 0; r < rows; r++)
        {
            x[(r * cols) + cols - 1] = -0f;
        }

        var sums = Enumerable.Repeat(float.NaN, cols).ToArray();
        ActivationKernels.ColumnSums(x, rows, sums);
        for (int j = 0; j < cols; j++)
        {
            float expected = 0f;
            for (int r = 0; r < rows; r++)
            {
                expected += x[(r * cols) + j];
            }

            Assert.Equal(BitConverter.SingleToInt32Bits(expected), BitConverter.SingleToInt32Bits(sums[j]));
        }

        Assert.Equal(0, BitConverter.SingleToInt32Bits(sums[cols - 1]));
        float[] bias = Values(cols, 12);
        float[] s = (float[])x.Clone();
        var o = new float[rows * cols];
        ActivationKernels.BiasActivation(s, bias, rows, Activation.Identity, o);
        for (int i = 0; i < rows * cols; i++)
        {
            Assert.Equal(x[i] + bias[i % cols], s[i]);
        }
    }

    [Fact]
    public void Tanh_derivative_product_uses_one_minus_the_square_of_the_output()
    {
        var d = new float[1];
        ActivationKernels.DerivativeProduct(Activation.Tanh, [0.5f], [2f], d);
        Assert.Equal(1.5f, d[0]);
        ActivationKernels.DerivativeProduct(Activation.Logistic, [0.25f], [2f], d);
        Assert.Equal(0.375f, d[0]);
        ActivationKernels.DerivativeProduct(Activation.Relu, [0f], [2f], d);
        Assert.Equal(0f, d[0]);
    }

    internal static double Value(Activation f, double x) => f switch
    {
        Activation.Tanh => Math.Tanh(x),
        Activation.Logistic => 1 / (1 + Math.Exp(-x)),
        Activation.Relu => Math.Max(0, x),
        _ => x,
    };

    internal static double Derivative(Activation f, double x) => f switch
    {
        Activation.Tanh => 1 - (Math.Tanh(x) * Math.Tanh(x)),
        Activation.Logistic => Value(f, x) * (1 - Value(f, x)),
        Activation.Relu => x > 0 ? 1 : 0,
        _ => 1,
    };

    [Theory]
    [InlineData(Activation.Tanh)]
    [InlineData(Activation.Logistic)]
    public void An_element_has_the_same_bits_whatever_range_it_is_transformed_in(Activation f)
    {
        // The two threads each transform their own rows, so a range may end anywhere: the ragged end must use the
        // same formula as the vector body.
        var rng = new Random(5);
        float[] x = Enumerable.Range(0, 257).Select(_ => (float)((rng.NextDouble() * 8) - 4)).ToArray();
        float[] whole = new float[x.Length];
        ActivationKernels.Apply(f, x, whole);
        foreach ((int from, int to) in new[] { (0, 5), (3, 20), (17, 100), (101, 257), (250, 257) })
        {
            float[] part = new float[to - from];
            ActivationKernels.Apply(f, x.AsSpan(from, to - from), part);
            Assert.Equal(whole[from..to], part);
        }
    }

    private static float[] Values(int length, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, length).Select(_ => (float)((rng.NextDouble() * 6) - 3)).ToArray();
    }
}

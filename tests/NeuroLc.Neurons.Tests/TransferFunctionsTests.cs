using NeuroLc.Neurons;

namespace NeuroLc.Neurons.Tests;

public sealed class TransferFunctionsTests
{
    [Theory]
    [InlineData(TransferFunction.Identity, 0.7, 0.7)]
    [InlineData(TransferFunction.Tanh, 0.7, 0.60436778)]
    [InlineData(TransferFunction.Logistic, 0.7, 0.66818777)]
    [InlineData(TransferFunction.Relu, 0.7, 0.7)]
    [InlineData(TransferFunction.Relu, -0.7, 0.0)]
    public void ApplyMatchesDefinition(TransferFunction f, float s, double expected)
        => Assert.Equal(expected, TransferFunctions.Apply(f, s), 1e-6);

    [Theory]
    [InlineData(TransferFunction.Identity)]
    [InlineData(TransferFunction.Tanh)]
    [InlineData(TransferFunction.Logistic)]
    [InlineData(TransferFunction.Relu)]
    public void DerivativeMatchesCentralDifference(TransferFunction f)
    {
        foreach (double s in new[] { -1.3, -0.2, 0.4, 2.1 })
        {
            double h = 1e-3;
            double numeric = (TransferFunctions.Apply(f, (float)(s + h)) - TransferFunctions.Apply(f, (float)(s - h))) / (2 * h);
            float o = TransferFunctions.Apply(f, (float)s);
            Assert.Equal(numeric, TransferFunctions.Derivative(f, (float)s, o), 2e-3);
        }
    }

    [Fact]
    public void SoftmaxIsLateralNormalisation()
    {
        float[] s = [1f, 2f, 3f];
        float[] o = new float[3];
        TransferFunctions.SoftmaxInPlace(s, o);
        double z = Math.Exp(1) + Math.Exp(2) + Math.Exp(3);
        Assert.Equal(Math.Exp(1) / z, o[0], 1e-6);
        Assert.Equal(Math.Exp(3) / z, o[2], 1e-6);
        Assert.Equal(1.0, o.Sum(), 1e-6);

        // The divisive normalisation is shift-invariant, and stays finite for large inputs.
        float[] shifted = new float[3];
        TransferFunctions.SoftmaxInPlace([1001f, 1002f, 1003f], shifted);
        Assert.Equal(o, shifted, (a, b) => Math.Abs(a - b) < 1e-6);
        Assert.Throws<ArgumentException>(() => TransferFunctions.Apply(TransferFunction.Softmax, 1f));
    }

    [Fact]
    public void SoftmaxOutputPopulationNormalises()
    {
        var pop = new RatePopulation("out", 4, 0, TransferFunction.Softmax, Channel.Forward, isOutput: true, dropout: 0);
        float[] s = [0.5f, -1f, 2f, 0f];
        s.CopyTo(pop.S, 0);
        pop.Activate(default, useDropout: false);
        Assert.Equal(1.0, pop.O.Sum(), 1e-6);
        Assert.True(pop.O[2] > pop.O[0] && pop.O[0] > pop.O[3] && pop.O[3] > pop.O[1]);
        Assert.Equal(pop.O[2] * (1 - pop.O[2]), pop.FPrime[2], 1e-6);
        Assert.NotNull(pop.Target);
    }

    [Fact]
    public void CounterRngIsAPureFunctionOfItsKey()
    {
        Assert.Equal(CounterRng.Hash(1, 2, 3), CounterRng.Hash(1, 2, 3));
        Assert.NotEqual(CounterRng.Hash(1, 2, 3), CounterRng.Hash(1, 2, 4));
        Assert.NotEqual(CounterRng.Hash(1, 2, 3), CounterRng.Hash(1, 3, 3));
        Assert.NotEqual(CounterRng.Hash(1, 2, 3), CounterRng.Hash(2, 2, 3));
        double mean = Enumerable.Range(0, 20000).Average(i => CounterRng.UniformDouble(9, 1, (ulong)i));
        Assert.InRange(mean, 0.49, 0.51);
        double var = Enumerable.Range(0, 20000).Average(i => Math.Pow(CounterRng.Normal(9, 1, (ulong)i), 2));
        Assert.InRange(var, 0.95, 1.05);
    }

    [Fact]
    public void DropoutDrawsComeFromTheCellsOwnStream()
    {
        var a = new RatePopulation("h", 100, 10, TransferFunction.Tanh, Channel.Forward, false, 0.5);
        var b = new RatePopulation("h", 100, 10, TransferFunction.Tanh, Channel.Forward, false, 0.5);
        a.DrawDropout(3, 17);
        b.DrawDropout(3, 17);
        Assert.Equal(a.Failed, b.Failed);
        b.DrawDropout(3, 18);
        Assert.NotEqual(a.Failed, b.Failed);
    }
}

using NeuroLc.RateAdapters.Kernels;
using NeuroLc.RateAdapters.Training;

namespace NeuroLc.RateAdapters.Data;

/// <summary>
/// Deterministic MNIST-shaped data (28×28 bytes, 10 classes) for fixtures and benchmarks: each class has a prototype of
/// a few random strokes; an example is its prototype shifted by up to ±2 pixels, with 25% of its ink erased and
/// sparse noise added — learnable, but not by a single pixel.
/// </summary>
public static class MnistLikePatterns
{
    /// <summary>Image side.</summary>
    public const int Side = 28;

    /// <summary>
    /// Images (count×784 bytes) and labels. The class prototypes depend on <paramref name="seed"/> only; the examples
    /// drawn from them on <paramref name="sample"/>, so a training and a test set share prototypes.
    /// </summary>
    public static (byte[] Pixels, byte[] Labels) GenerateBytes(int count, ulong seed, ulong sample = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var prototypes = new byte[10][];
        for (int c = 0; c < 10; c++)
        {
            prototypes[c] = Prototype(new Xoshiro256(seed, 77 + (ulong)c));
        }

        var rng = new Xoshiro256(seed, 1000 + sample);
        var pixels = new byte[count * Side * Side];
        var labels = new byte[count];
        for (int i = 0; i < count; i++)
        {
            int c = rng.NextInt(10);
            labels[i] = (byte)c;
            int dx = rng.NextInt(5) - 2;
            int dy = rng.NextInt(5) - 2;
            Span<byte> image = pixels.AsSpan(i * Side * Side, Side * Side);
            for (int y = 0; y < Side; y++)
            {
                for (int x = 0; x < Side; x++)
                {
                    int sx = x - dx;
                    int sy = y - dy;
                    byte ink = sx is >= 0 and < Side && sy is >= 0 and < Side ? prototypes[c][(sy * Side) + sx] : (byte)0;
                    if (ink != 0 && rng.NextInt(4) == 0)
                    {
                        ink = 0;
                    }

                    if (rng.NextInt(50) == 0)
                    {
                        ink = (byte)(128 + rng.NextInt(128));
                    }

                    image[(y * Side) + x] = ink;
                }
            }
        }

        return (pixels, labels);
    }

    /// <summary>The same examples as a dataset with pixels scaled to [0, 1] and one-hot targets.</summary>
    public static Dataset Generate(int count, ulong seed)
    {
        (byte[] pixels, byte[] labels) = GenerateBytes(count, seed);
        var inputs = new float[pixels.Length];
        for (int i = 0; i < pixels.Length; i++)
        {
            inputs[i] = pixels[i] / 255f;
        }

        return Dataset.FromLabels("mnist-like", inputs, Side * Side, labels, 10);
    }

    /// <summary>Writes the four MNIST files (gzip when <paramref name="gzip"/>) of a train and a test set into <paramref name="folder"/>.</summary>
    public static void WriteFolder(string folder, int trainCount, int testCount, ulong seed, bool gzip)
    {
        Directory.CreateDirectory(folder);
        string ext = gzip ? ".gz" : string.Empty;
        (byte[] trainPixels, byte[] trainLabels) = GenerateBytes(trainCount, seed);
        (byte[] testPixels, byte[] testLabels) = GenerateBytes(testCount, seed, sample: 1);
        IdxReader.WriteBytes(Path.Combine(folder, "train-images-idx3-ubyte" + ext), trainPixels, trainCount, Side, Side);
        IdxReader.WriteBytes(Path.Combine(folder, "train-labels-idx1-ubyte" + ext), trainLabels, trainCount);
        IdxReader.WriteBytes(Path.Combine(folder, "t10k-images-idx3-ubyte" + ext), testPixels, testCount, Side, Side);
        IdxReader.WriteBytes(Path.Combine(folder, "t10k-labels-idx1-ubyte" + ext), testLabels, testCount);
    }

    private static byte[] Prototype(Xoshiro256 rng)
    {
        var image = new byte[Side * Side];
        for (int stroke = 0; stroke < 4; stroke++)
        {
            double x = 6 + (16 * rng.NextDouble());
            double y = 6 + (16 * rng.NextDouble());
            double angle = 2 * Math.PI * rng.NextDouble();
            for (int step = 0; step < 12; step++)
            {
                int px = (int)x;
                int py = (int)y;
                for (int oy = 0; oy < 2; oy++)
                {
                    for (int ox = 0; ox < 2; ox++)
                    {
                        int qx = Math.Clamp(px + ox, 0, Side - 1);
                        int qy = Math.Clamp(py + oy, 0, Side - 1);
                        image[(qy * Side) + qx] = 255;
                    }
                }

                angle += (rng.NextDouble() - 0.5) * 0.6;
                x = Math.Clamp(x + Math.Cos(angle), 1, Side - 3);
                y = Math.Clamp(y + Math.Sin(angle), 1, Side - 3);
            }
        }

        return image;
    }
}

using NeuroLc.RateAdapters.Training;

namespace NeuroLc.RateAdapters.Data;

/// <summary>
/// An MNIST-format folder: train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte,
/// t10k-labels-idx1-ubyte, each raw or ".gz" (MNIST, or Fashion-MNIST at /usr/share/datasets/fashion-mnist/).
/// Pixels are scaled to [0, 1]; targets are one-hot over 10 classes.
/// </summary>
public static class MnistFormat
{
    /// <summary>Where Debian's dataset-fashion-mnist package installs Fashion-MNIST.</summary>
    public const string FashionMnistFolder = "/usr/share/datasets/fashion-mnist";

    /// <summary>Loads the training and test sets (at most <paramref name="limit"/> examples each).</summary>
    public static (Dataset Train, Dataset Test) Load(string folder, int? limit = null)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"MNIST-format folder not found: {folder}");
        }

        return (LoadPair(folder, "train", limit), LoadPair(folder, "t10k", limit));
    }

    /// <summary>Loads one images/labels pair, e.g. prefix "train" or "t10k".</summary>
    public static Dataset LoadPair(string folder, string prefix, int? limit = null)
    {
        string images = Find(folder, $"{prefix}-images-idx3-ubyte");
        string labels = Find(folder, $"{prefix}-labels-idx1-ubyte");
        (byte[] pixels, int[] imageDims) = IdxReader.ReadBytes(images, limit);
        (byte[] labelBytes, int[] labelDims) = IdxReader.ReadBytes(labels, limit);
        if (imageDims.Length != 3)
        {
            throw new DataFormatException(images, $"expected 3 dimensions (count, rows, columns), found {imageDims.Length}");
        }

        if (labelDims.Length != 1)
        {
            throw new DataFormatException(labels, $"expected 1 dimension (count), found {labelDims.Length}");
        }

        if (imageDims[0] != labelDims[0])
        {
            throw new DataFormatException(labels, $"{labelDims[0]} labels for {imageDims[0]} images in {images}");
        }

        // IdxReader keeps an item below Array.MaxLength bytes, so rows × columns fits an int.
        int size = imageDims[1] * imageDims[2];
        if ((imageDims[0] == 0 && limit != 0) || size == 0)
        {
            throw new DataFormatException(images, $"no pixels to train on: {imageDims[0]} images of {imageDims[1]}×{imageDims[2]}");
        }

        int classes = 10;
        for (int i = 0; i < labelBytes.Length; i++)
        {
            if (labelBytes[i] >= classes)
            {
                throw new DataFormatException(labels, $"label {labelBytes[i]} of item {i} is not a digit class 0-9");
            }
        }

        float[] inputs = DatasetArrays.Floats(pixels.Length);
        for (int i = 0; i < pixels.Length; i++)
        {
            inputs[i] = pixels[i] / 255f;
        }

        return Dataset.FromLabels($"{Path.GetFileName(Path.TrimEndingDirectorySeparator(folder))}/{prefix}", inputs, size, labelBytes, classes);
    }

    private static string Find(string folder, string name)
    {
        string raw = Path.Combine(folder, name);
        if (File.Exists(raw))
        {
            return raw;
        }

        string gz = raw + ".gz";
        if (File.Exists(gz))
        {
            return gz;
        }

        throw new FileNotFoundException($"Neither {raw} nor {gz} exists.", raw);
    }
}

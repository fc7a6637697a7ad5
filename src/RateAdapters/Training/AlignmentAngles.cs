namespace NeuroLc.RateAdapters.Training;

/// <summary>
/// Angle between each random feedback matrix and the matrix BP would use in its place: RBP, C^h against (W^h)ᵀ;
/// SRBP, C^h against (W^{h+1}⋯W^L)ᵀ. Small angles mean the forward weights have aligned with the learning channel.
/// </summary>
internal static class AlignmentAngles
{
    /// <summary>Degrees per feedback matrix in layer order; empty for BP and Distinct channels.</summary>
    public static IReadOnlyList<double> Compute(ModelSpec model, RateNetwork network)
    {
        var angles = new List<double>();
        if (model.Algorithm == Algorithm.BP || model.Architecture != ChannelArchitecture.Conjoined)
        {
            return angles;
        }

        int L = network.Layers;
        if (model.Algorithm == Algorithm.RBP)
        {
            for (int h = 2; h <= L; h++)
            {
                WeightMatrix w = network.Forward(h);
                angles.Add(AngleTransposed(w.Values, w.Rows, w.Cols, network.Feedback(h)!.Values));
            }

            return angles;
        }

        // P_h = W^{h+1} ⋯ W^L (n_h × n_L), built from the top down.
        double[] product = ToDouble(network.Forward(L));
        int cols = network.Sizes[L];
        var products = new double[L][];
        products[L - 1] = product;
        for (int h = L - 2; h >= 1; h--)
        {
            WeightMatrix w = network.Forward(h + 1);
            var next = new double[w.Rows * cols];
            for (int i = 0; i < w.Rows; i++)
            {
                for (int k = 0; k < w.Cols; k++)
                {
                    double a = w.Values[(i * w.Cols) + k];
                    for (int j = 0; j < cols; j++)
                    {
                        next[(i * cols) + j] += a * products[h + 1][(k * cols) + j];
                    }
                }
            }

            products[h] = next;
        }

        for (int h = 1; h < L; h++)
        {
            float[] c = network.Feedback(h)!.Values;
            angles.Add(AngleTransposed(products[h], network.Sizes[h], cols, c));
        }

        return angles;
    }

    private static double[] ToDouble(WeightMatrix m)
    {
        var d = new double[m.Rows * m.Cols];
        for (int i = 0; i < d.Length; i++)
        {
            d[i] = m.Values[i];
        }

        return d;
    }

    private static double AngleTransposed(IReadOnlyList<float> a, int rows, int cols, float[] bTransposed)
    {
        var d = new double[rows * cols];
        for (int i = 0; i < d.Length; i++)
        {
            d[i] = a[i];
        }

        return AngleTransposed(d, rows, cols, bTransposed);
    }

    /// <summary>Angle between a (rows×cols) and bᵀ where b is stored cols×rows.</summary>
    private static double AngleTransposed(double[] a, int rows, int cols, float[] b)
    {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < cols; j++)
            {
                double x = a[(i * cols) + j];
                double y = b[(j * rows) + i];
                dot += x * y;
                na += x * x;
                nb += y * y;
            }
        }

        double cos = na == 0 || nb == 0 ? 0 : Math.Clamp(dot / Math.Sqrt(na * nb), -1, 1);
        return Math.Acos(cos) * 180 / Math.PI;
    }
}

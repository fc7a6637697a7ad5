namespace NeuroLc.Simulator.Theory;

/// <summary>Dense linear algebra for the few N×N matrices of the theory systems (N is small).</summary>
internal static class SmallLinearAlgebra
{
    /// <summary>
    /// X = B S⁻¹ for a symmetric positive definite S, by Cholesky S = LLᵗ and, row by row, Sxᵗ = bᵗ.
    /// Throws <see cref="ArgumentException"/> when S is not positive definite.
    /// </summary>
    public static double[,] SolveRight(double[,] b, double[,] s)
    {
        int n = s.GetLength(0);
        double[,] l = new double[n, n];
        for (int j = 0; j < n; j++)
        {
            double diagonal = s[j, j];
            for (int k = 0; k < j; k++)
            {
                diagonal -= l[j, k] * l[j, k];
            }

            if (!(diagonal > 0.0))
            {
                throw new ArgumentException("Sigma_II must be symmetric positive definite.", nameof(s));
            }

            l[j, j] = Math.Sqrt(diagonal);
            for (int i = j + 1; i < n; i++)
            {
                double sum = s[i, j];
                for (int k = 0; k < j; k++)
                {
                    sum -= l[i, k] * l[j, k];
                }

                l[i, j] = sum / l[j, j];
            }
        }

        int rows = b.GetLength(0);
        double[,] x = new double[rows, n];
        double[] y = new double[n];
        for (int r = 0; r < rows; r++)
        {
            for (int i = 0; i < n; i++)
            {
                double sum = b[r, i];
                for (int k = 0; k < i; k++)
                {
                    sum -= l[i, k] * y[k];
                }

                y[i] = sum / l[i, i];
            }

            for (int i = n - 1; i >= 0; i--)
            {
                double sum = y[i];
                for (int k = i + 1; k < n; k++)
                {
                    sum -= l[k, i] * x[r, k];
                }

                x[r, i] = sum / l[i, i];
            }
        }

        return x;
    }

    /// <summary>The n×n identity.</summary>
    public static double[,] Identity(int n)
    {
        double[,] m = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            m[i, i] = 1.0;
        }

        return m;
    }

    /// <summary>x y.</summary>
    public static double[,] Multiply(double[,] x, double[,] y)
    {
        int rows = x.GetLength(0), inner = x.GetLength(1), columns = y.GetLength(1);
        double[,] z = new double[rows, columns];
        for (int r = 0; r < rows; r++)
        {
            for (int k = 0; k < inner; k++)
            {
                double xv = x[r, k];
                for (int c = 0; c < columns; c++)
                {
                    z[r, c] += xv * y[k, c];
                }
            }
        }

        return z;
    }

    /// <summary>x yᵗ.</summary>
    public static double[,] MultiplyTransposed(double[,] x, double[,] y) => Multiply(x, Transpose(y));

    /// <summary>xᵗ.</summary>
    public static double[,] Transpose(double[,] x)
    {
        double[,] t = new double[x.GetLength(1), x.GetLength(0)];
        for (int r = 0; r < x.GetLength(0); r++)
        {
            for (int c = 0; c < x.GetLength(1); c++)
            {
                t[c, r] = x[r, c];
            }
        }

        return t;
    }

    /// <summary>x − y.</summary>
    public static double[,] Subtract(double[,] x, double[,] y)
    {
        double[,] z = new double[x.GetLength(0), x.GetLength(1)];
        for (int r = 0; r < x.GetLength(0); r++)
        {
            for (int c = 0; c < x.GetLength(1); c++)
            {
                z[r, c] = x[r, c] - y[r, c];
            }
        }

        return z;
    }
}

using NeuroLc.RateAdapters.Training;
using NeuroLc.RateAdapters.Tests.Kernels;

namespace NeuroLc.RateAdapters.Tests.Training;

/// <summary>
/// Naive double-precision reimplementation of DESIGN.md section 5 (loops over explicit indices, one example at a
/// time), started from a trainer's initial weights. The fast path must agree with it.
/// </summary>
internal sealed class ReferenceNetwork
{
    private readonly ModelSpec _spec;
    private readonly int[] _n;
    private readonly int _layers;
    private readonly Dictionary<string, double[]> _m = new();
    private readonly Dictionary<string, double[]> _v = new();

    public ReferenceNetwork(ModelSpec spec, RateTrainer trainer)
    {
        _spec = spec;
        _n = spec.LayerSizes;
        _layers = _n.Length - 1;
        foreach (var p in trainer.Network.Parameters())
        {
            _m[Key(p.Layer, p.Channel, p.IsBias)] = p.Values.Take(p.Rows * p.Cols).Select(x => (double)x).ToArray();
            _v[Key(p.Layer, p.Channel, p.IsBias)] = new double[p.Rows * p.Cols];
        }
    }

    public static string Key(int layer, string channel, bool bias) => $"{layer}/{channel}/{(bias ? "b" : "w")}";

    public double[] Matrix(string key) => _m[key];

    /// <summary>One full-batch update (rows in any order: the mean does not depend on it).</summary>
    public void Step(double[][] x, double[][] t, double lr, double momentum)
    {
        int L = _layers;
        int batch = x.Length;
        var grads = _m.Keys.ToDictionary(k => k, k => new double[_m[k].Length]);
        for (int e = 0; e < batch; e++)
        {
            var o = new double[L + 1][];
            var s = new double[L + 1][];
            o[0] = x[e];
            for (int h = 1; h <= L; h++)
            {
                s[h] = new double[_n[h]];
                double[] w = _m[Key(h, "forward", false)];
                double[] b = _m[Key(h, "forward", true)];
                for (int j = 0; j < _n[h]; j++)
                {
                    double sum = b[j];
                    for (int i = 0; i < _n[h - 1]; i++)
                    {
                        sum += o[h - 1][i] * w[(i * _n[h]) + j];
                    }

                    s[h][j] = sum;
                }

                o[h] = h < L ? s[h].Select(v => ActivationKernelsTests.Value(_spec.Hidden, v)).ToArray() : Output(s[h]);
            }

            double[] err = t[e].Zip(o[L], (a, b) => a - b).ToArray();
            var r = new double[L + 1][];
            r[L] = err;
            var pre = new double[L + 1][];
            var post = new double[L + 1][];
            if (_spec.Architecture == ChannelArchitecture.Distinct)
            {
                DistinctBackward(o, s, err, r, grads);
            }
            else if (_spec.LearningChannelRule == LearningChannelRule.Stdp)
            {
                StdpBackward(o, s, err, t[e], r, grads);
            }
            else
            {
                for (int h = L - 1; h >= 1; h--)
                {
                    var z = new double[_n[h]];
                    for (int i = 0; i < _n[h]; i++)
                    {
                        z[i] = Feedback(h, i, r, err);
                    }

                    double[] g = z.Select(G).ToArray();
                    r[h] = new double[_n[h]];
                    post[h] = new double[_n[h]];
                    for (int i = 0; i < _n[h]; i++)
                    {
                        r[h][i] = ActivationKernelsTests.Derivative(_spec.Hidden, s[h][i]) * g[i];
                        post[h][i] = o[h][i] * (_spec.LearningChannelActivation == Activation.Tanh ? 1 - (g[i] * g[i]) : 1);
                    }
                }

                if (_spec.LearningChannelRule == LearningChannelRule.Hebbian)
                {
                    for (int h = 1; h < L; h++)
                    {
                        int fb = _spec.Algorithm == Algorithm.SRBP ? h : h + 1;
                        double[] src = _spec.Algorithm == Algorithm.SRBP ? err : r[h + 1];
                        Outer(grads[Key(fb, "learning", false)], src, post[h]);
                    }
                }
            }

            for (int h = 1; h <= L; h++)
            {
                Outer(grads[Key(h, "forward", false)], o[h - 1], r[h]);
                double[] gb = grads[Key(h, "forward", true)];
                for (int j = 0; j < _n[h]; j++)
                {
                    gb[j] += r[h][j];
                }
            }
        }

        foreach (string k in _m.Keys)
        {
            double[] m = _m[k];
            double[] v = _v[k];
            for (int i = 0; i < m.Length; i++)
            {
                double delta = lr / batch * grads[k][i];
                v[i] = (momentum * v[i]) + delta;
                m[i] += momentum > 0 ? v[i] : delta;
            }
        }
    }

    private double Feedback(int h, int i, double[][] r, double[] err)
    {
        int L = _layers;
        double z = 0;
        switch (_spec.Algorithm)
        {
            case Algorithm.BP:
                double[] w = _m[Key(h + 1, "forward", false)];
                for (int j = 0; j < _n[h + 1]; j++)
                {
                    z += w[(i * _n[h + 1]) + j] * r[h + 1][j];
                }

                break;
            case Algorithm.RBP:
                double[] c = _m[Key(h + 1, "learning", false)];
                for (int j = 0; j < _n[h + 1]; j++)
                {
                    z += c[(j * _n[h]) + i] * r[h + 1][j];
                }

                break;
            default:
                double[] cs = _m[Key(h, "learning", false)];
                for (int j = 0; j < _n[L]; j++)
                {
                    z += cs[(j * _n[h]) + i] * err[j];
                }

                break;
        }

        return z;
    }

    private void StdpBackward(double[][] o, double[][] s, double[] err, double[] target, double[][] r, Dictionary<string, double[]> grads)
    {
        int L = _layers;
        double[] up1 = o[L], up2 = target;
        for (int h = L - 1; h >= 1; h--)
        {
            int fb = _spec.Algorithm == Algorithm.SRBP ? h : h + 1;
            double[] c = _m[Key(fb, "learning", false)];
            int width = up1.Length;
            var o1 = new double[_n[h]];
            var o2 = new double[_n[h]];
            for (int i = 0; i < _n[h]; i++)
            {
                double u1 = 0, u2 = 0;
                for (int j = 0; j < width; j++)
                {
                    u1 += c[(j * _n[h]) + i] * up1[j];
                    u2 += c[(j * _n[h]) + i] * up2[j];
                }

                o1[i] = ActivationKernelsTests.Value(_spec.Hidden, s[h][i] + G(u1));
                o2[i] = ActivationKernelsTests.Value(_spec.Hidden, s[h][i] + G(u2));
            }

            r[h] = o2.Zip(o1, (a, b) => a - b).ToArray();
            Outer(grads[Key(fb, "learning", false)], up2, r[h]);
            if (_spec.Algorithm != Algorithm.SRBP)
            {
                up1 = o1;
                up2 = o2;
            }
        }
    }

    private void DistinctBackward(double[][] o, double[][] s, double[] err, double[][] r, Dictionary<string, double[]> grads)
    {
        int L = _layers;
        int[] widths = _spec.LearningChannelWidths!;
        double[] previous = err;
        for (int h = L - 1; h >= 1; h--)
        {
            int m = widths[h - 1];
            double[] src = _spec.Algorithm == Algorithm.SRBP ? err : previous;
            double[] d = _m[Key(h, "learning", false)];
            var z = new double[m];
            for (int k = 0; k < m; k++)
            {
                for (int j = 0; j < src.Length; j++)
                {
                    z[k] += src[j] * d[(j * m) + k];
                }
            }

            double[] lambda = z.Select(G).ToArray();
            double[] cp = _m[Key(h, "lateral-C'", false)];
            r[h] = new double[_n[h]];
            for (int i = 0; i < _n[h]; i++)
            {
                double sum = 0;
                for (int k = 0; k < m; k++)
                {
                    sum += lambda[k] * cp[(k * _n[h]) + i];
                }

                r[h][i] = ActivationKernelsTests.Derivative(_spec.Hidden, s[h][i]) * sum;
            }

            if (_spec.LearningChannelRule == LearningChannelRule.Hebbian)
            {
                Outer(grads[Key(h, "lateral-C'", false)], lambda, o[h]);
                if (_spec.LateralA)
                {
                    double[] ap = _m[Key(h, "lateral-A'", false)];
                    var postLambda = new double[m];
                    for (int k = 0; k < m; k++)
                    {
                        for (int i = 0; i < _n[h]; i++)
                        {
                            postLambda[k] += o[h][i] * ap[(i * m) + k];
                        }

                        postLambda[k] *= _spec.LearningChannelActivation == Activation.Tanh ? 1 - (lambda[k] * lambda[k]) : 1;
                    }

                    Outer(grads[Key(h, "learning", false)], src, postLambda);
                }
            }

            previous = lambda;
        }
    }

    private double G(double z) => _spec.LearningChannelActivation == Activation.Tanh ? Math.Tanh(z) : z;

    private double[] Output(double[] s)
    {
        if (_spec.Output == OutputKind.Logistic)
        {
            return s.Select(v => 1 / (1 + Math.Exp(-v))).ToArray();
        }

        double max = s.Max();
        double[] e = s.Select(v => Math.Exp(v - max)).ToArray();
        double sum = e.Sum();
        return e.Select(v => v / sum).ToArray();
    }

    private static void Outer(double[] grad, double[] row, double[] col)
    {
        for (int i = 0; i < row.Length; i++)
        {
            for (int j = 0; j < col.Length; j++)
            {
                grad[(i * col.Length) + j] += row[i] * col[j];
            }
        }
    }
}

using System.Numerics.Tensors;
using NeuroLc.RateAdapters.Kernels;

namespace NeuroLc.RateAdapters.Training;

/// <summary>The STDP-like (eqs. 15–19) and Distinct learning channels of <see cref="RateNetwork"/>, row range by row range.</summary>
internal sealed unsafe partial class RateNetwork
{
    /// <summary>
    /// STDP-like rule (eqs. 15–19): the layer's output with the feedback of the free output, O₁ = f(S^h + U₁),
    /// and with the target clamped, O₂ = f(S^h + U₁ + g(U₂ − U₁)); ΔO^h = O₂ − O₁ is the forward error (eq. 18). SRBP: U = O^L C^h
    /// and T C^h. RBP (the chained analogue): U = O₁^{h+1} C^{h+1} and O₂^{h+1} C^{h+1}, starting from (O^L, T).
    /// </summary>
    private void StdpChannel(int rows, long update) => StdpRows(_lane, 0, rows, update);

    /// <summary>
    /// <see cref="StdpChannel"/> for minibatch rows [r0, r1) on <paramref name="lane"/>'s engine: every product and
    /// element-wise step of a row reads only the same row of the layer above (and the dropout masks are keyed by the
    /// element), so each lane of a two-lane step runs its own rows.
    /// </summary>
    private void StdpRows(StepLane lane, int r0, int r1, long update)
    {
        int L = _layers;
        int count = r1 - r0;
        int upperWidth = _n[L];
        float* upper1 = WeightMatrix.Address(_o[L]) + ((long)r0 * upperWidth);
        float* upper2 = WeightMatrix.Address(_targets) + ((long)r0 * upperWidth);
        for (int h = L - 1; h >= 1; h--)
        {
            int n = _n[h];
            int start = r0 * n;
            int size = count * n;
            WeightMatrix c = _feedback[Skipped ? h : h + 1]!;
            float* z = WeightMatrix.Address(_z[h]) + start;
            float* g = WeightMatrix.Address(_g[h]) + start;
            MultiplyByMatrix(lane, count, upper1, c, z);
            MultiplyByMatrix(lane, count, upper2, c, g);

            Span<float> u1 = _z[h].AsSpan(start, size);
            Span<float> u2 = _g[h].AsSpan(start, size);
            if (_lcTanh)
            {
                // Section 4.1.1: g acts on the back-propagated error summation, i.e. on what the clamped target
                // changed in the cell's learning-channel input: U₂ → U₁ + g(U₂ − U₁), so ΔO ≈ f′(S) g(C(T − O)).
                TensorPrimitives.Subtract(u2, u1, u2);
                ActivationKernels.Apply(Activation.Tanh, u2, u2);
                TensorPrimitives.Add(u1, u2, u2);
            }

            ApplyLearningDropout(h, u1, update, start);
            ApplyLearningDropout(h, u2, update, start);
            Span<float> o1 = _o1[h]!.AsSpan(start, size);
            Span<float> o2 = _o2[h]!.AsSpan(start, size);
            ReadOnlySpan<float> s = _s[h].AsSpan(start, size);
            TensorPrimitives.Add(s, u1, o1);
            ActivationKernels.Apply(_spec.Hidden, o1, o1);
            TensorPrimitives.Add(s, u2, o2);
            ActivationKernels.Apply(_spec.Hidden, o2, o2);
            Span<float> r = _signal[h].AsSpan(start, size);
            TensorPrimitives.Subtract(o2, o1, r);
            if (_mask[h] is { } mask)
            {
                DropoutKernels.Apply(r, mask.AsSpan(start, size));
            }

            if (!Skipped)
            {
                upper1 = WeightMatrix.Address(_o1[h]!) + start;
                upper2 = WeightMatrix.Address(_o2[h]!) + start;
                upperWidth = n;
            }
        }
    }

    /// <summary>
    /// Distinct channel: λ^h = g(D^h λ^{h+1}) chained (λ^L = E) or g(D^h E) skipped; R^h = f′(S^h) ⊙ (C′^h λ^h).
    /// With A′ the learning-channel cells also see the forward activity O^h A′^h, the post term of their Hebbian rule.
    /// </summary>
    private void DistinctChannel(int rows, long update) => DistinctRows(_lane, 0, rows, update);

    /// <summary>
    /// <see cref="DistinctChannel"/> for minibatch rows [r0, r1) on <paramref name="lane"/>'s engine: each row of λ^h,
    /// of the A′ term and of R^h reads only the same row of the layer above, so each lane of a two-lane step runs its
    /// own rows.
    /// </summary>
    private void DistinctRows(StepLane lane, int r0, int r1, long update)
    {
        int L = _layers;
        int count = r1 - r0;
        int[] widths = _spec.LearningChannelWidths!;
        for (int h = L - 1; h >= 1; h--)
        {
            int m = widths[h - 1];
            int n = _n[h];
            (float[] source, int sourceWidth) = LambdaSource(h);
            int start = r0 * m;
            MultiplyByMatrix(lane, count, WeightMatrix.Address(source) + ((long)r0 * sourceWidth), _feedback[h]!, WeightMatrix.Address(_zLambda[h]!) + start);
            Span<float> lambda = _lambda[h]!.AsSpan(start, count * m);
            if (_lcTanh)
            {
                ActivationKernels.Apply(Activation.Tanh, _zLambda[h]!.AsSpan(start, count * m), lambda);
            }

            if (_postLambda[h] is { } postLambda && Adaptive)
            {
                MultiplyByMatrix(lane, count, WeightMatrix.Address(_od[h]) + ((long)r0 * n), _lateralA[h]!, WeightMatrix.Address(postLambda) + start);
                if (_lcTanh)
                {
                    Span<float> post = postLambda.AsSpan(start, count * m);
                    ActivationKernels.DerivativeProduct(Activation.Tanh, lambda, post, post);
                }
            }

            ApplyLearningDropout(h, lambda, update, start);
            MultiplyByMatrix(lane, count, WeightMatrix.Address(_lambda[h]!) + start, _lateralC[h]!, WeightMatrix.Address(_z[h]) + ((long)r0 * n));
            Span<float> r = _signal[h].AsSpan(r0 * n, count * n);
            ActivationKernels.DerivativeProduct(_spec.Hidden, _o[h].AsSpan(r0 * n, count * n), _z[h].AsSpan(r0 * n, count * n), r);
            if (_mask[h] is { } mask)
            {
                DropoutKernels.Apply(r, mask.AsSpan(r0 * n, count * n));
            }
        }
    }
}

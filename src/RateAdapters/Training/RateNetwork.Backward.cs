using System.Runtime.CompilerServices;
using NeuroLc.RateAdapters.Kernels;

namespace NeuroLc.RateAdapters.Training;

/// <summary>
/// The learning channel of <see cref="RateNetwork"/>: its matrices, the training step, and the Conjoined channel (eqs.
/// 5–11); the STDP-like and Distinct channels are in <c>RateNetwork.ChannelRows.cs</c>, the updates in
/// <c>RateNetwork.Updates.cs</c>.
/// </summary>
internal sealed unsafe partial class RateNetwork
{
    private bool Adaptive => _spec.LearningChannelRule != LearningChannelRule.Fixed;

    private bool Skipped => _spec.Algorithm == Algorithm.SRBP;

    /// <summary>
    /// Allocates the learning-channel matrices, all stored from × to. Conjoined RBP: C^h (n_h × n_{h−1}) for h = 2..L.
    /// Conjoined SRBP: C^h (n_L × n_h) for h = 1..L−1. Distinct: D^h (source × M_h, source = λ^{h+1} when chained
    /// or E when skipped), C′^h (M_h × n_h) and, with A′, A′^h (n_h × M_h).
    /// </summary>
    private void BuildLearningChannel()
    {
        int L = _layers;
        double? std = _spec.LearningChannelInitStd;
        if (_spec.Algorithm == Algorithm.BP)
        {
            return;
        }

        bool adaptive = Adaptive;
        if (_spec.Architecture == ChannelArchitecture.Conjoined)
        {
            for (int h = 1; h < L; h++)
            {
                int fb = Skipped ? h : h + 1;
                int rows = Skipped ? _n[L] : _n[h + 1];
                var c = new WeightMatrix(fb, "learning", rows, _n[h], isBias: false, adaptive, _momentum);
                c.Initialize(_spec.Init, std, _seed, 100 + (ulong)fb);
                _feedback[fb] = c;
                if (adaptive && _lcTanh)
                {
                    _post[h] = WeightMatrix.Pinned(_batch * _n[h]);
                }

                if (_spec.LearningChannelRule == LearningChannelRule.Stdp)
                {
                    _o1[h] = WeightMatrix.Pinned(_batch * _n[h]);
                    _o2[h] = WeightMatrix.Pinned(_batch * _n[h]);
                }
            }

            return;
        }

        int[] widths = _spec.LearningChannelWidths!;
        for (int h = 1; h < L; h++)
        {
            int m = widths[h - 1];
            int source = !Skipped && h < L - 1 ? widths[h] : _n[L];
            var d = new WeightMatrix(h, "learning", source, m, isBias: false, adaptive && _spec.LateralA, _momentum);
            d.Initialize(_spec.Init, std, _seed, 200 + (ulong)h);
            _feedback[h] = d;
            var cp = new WeightMatrix(h, "lateral-C'", m, _n[h], isBias: false, adaptive, _momentum);
            cp.Initialize(_spec.Init, std, _seed, 300 + (ulong)h);
            _lateralC[h] = cp;
            if (_spec.LateralA)
            {
                var ap = new WeightMatrix(h, "lateral-A'", _n[h], m, isBias: false, adaptive: false, _momentum);
                ap.Initialize(_spec.Init, std, _seed, 400 + (ulong)h);
                _lateralA[h] = ap;
                _postLambda[h] = WeightMatrix.Pinned(_batch * m);
            }

            _zLambda[h] = WeightMatrix.Pinned(_batch * m);
            _lambda[h] = _lcTanh ? WeightMatrix.Pinned(_batch * m) : _zLambda[h];
            _lcMask[h] = _pLearning > 0f ? WeightMatrix.Pinned(_batch * m) : null;
        }
    }

    /// <summary>
    /// Conjoined RBP and SRBP read a fixed C^h in every step (eqs. 10, 11): it gets a panel copy, packed once, so no
    /// step (and neither lane of a two-lane step) packs it again. An adaptive C changes every step: on one thread it is
    /// read in place, on two lanes its update writes a panel copy (<see cref="KeepWideLayersAsPanels"/>).
    /// </summary>
    private void EnableFixedChannelPanels()
    {
        if (_spec.Architecture != ChannelArchitecture.Conjoined || _spec.LearningChannelRule != LearningChannelRule.Fixed)
        {
            return;
        }

        foreach (WeightMatrix? c in _feedback)
        {
            c?.EnablePanels(Sgemm.PanelFloats(c.Rows, c.Cols));
        }
    }

    /// <summary>
    /// Brings every panel copy up to date before a step: after initialisation, a checkpoint, or anything else that
    /// wrote the values rather than an update.
    /// </summary>
    private void EnsurePanels()
    {
        for (int h = 1; h <= _layers; h++)
        {
            _w[h].EnsurePanels();
            _feedback[h]?.EnsurePanels();
            _lateralC[h]?.EnsurePanels();
            _lateralA[h]?.EnsurePanels();
        }
    }

    /// <summary>
    /// One minibatch update on the rows in the input/target buffers with learning rate <paramref name="lr"/>:
    /// forward pass, learning channel, then all updates from the pre-update weights
    /// (ΔW^h = η/B · (O^{h−1})ᵀ R^h, Δb^h = η/B · Σ R^h). Returns the summed training loss.
    /// </summary>
    public double TrainStep(int rows, float lr, long update, out int correct) => TrainStep(rows, lr, update, null, out correct);

    /// <summary>
    /// <see cref="TrainStep(int, float, long, out int)"/> reading input row r at <paramref name="inputRows"/>[r]
    /// (where the dataset holds it) instead of <see cref="InputBuffer"/>; null reads the buffer.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double TrainStep(int rows, float lr, long update, float** inputRows, out int correct)
    {
        if (TwoLanes)
        {
            return TwoLaneStep(rows, lr / rows, update, inputRows, out correct);
        }

        EnsurePanels();
        double loss = ForwardPass(rows, training: true, update, inputRows, out correct);
        if (_spec.Architecture == ChannelArchitecture.Distinct)
        {
            DistinctChannel(rows, update);
        }
        else if (_spec.LearningChannelRule == LearningChannelRule.Stdp)
        {
            StdpChannel(rows, update);
        }
        else
        {
            ConjoinedChannel(rows, update);
        }

        float alpha = lr / rows;
        for (int h = 1; h <= _layers; h++)
        {
            float* input = WeightMatrix.Address(ForwardPre(h));
            Update(_lane, _w[h], input, h == 1 ? inputRows : null, WeightMatrix.Address(_signal[h]), rows, alpha);
            UpdateBias(_lane, _b[h], _signal[h], rows, alpha);
        }

        if (Adaptive)
        {
            UpdateLearningChannel(rows, alpha);
        }

        return loss;
    }

    /// <summary>The presynaptic activity of W^h's update: O^{h−1} at t=0, or at t=1 for STDP with <see cref="StdpForwardPhase.Free"/>.</summary>
    private float[] ForwardPre(int h) =>
        h >= 2 && _spec.StdpForwardPhase == StdpForwardPhase.Free ? _o1[h - 1]! : _od[h - 1];

    /// <summary>
    /// Conjoined BP/RBP/SRBP: Z^h = B^{h+1}(W^{h+1})ᵀ (BP, eq. 7), R^{h+1}C^{h+1} (RBP, eq. 10) or E C^h
    /// (SRBP, eq. 11); R^h = f′(S^h) ⊙ g(Z^h).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ConjoinedChannel(int rows, long update)
    {
        _lane.Step = update;
        _lane.RowOffset = 0;
        for (int h = _layers - 1; h >= 1; h--)
        {
            ConjoinedSignal(_lane, h, 0, rows);
        }
    }

    /// <summary>
    /// Z^h and R^h of <see cref="ConjoinedChannel"/> for minibatch rows [r0, r1) of hidden layer h, on the lane's
    /// engine (rows only depend on the same rows of the layer above).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ConjoinedSignal(StepLane lane, int h, int r0, int r1)
    {
        int L = _layers;
        int n = _n[h];
        float* z = WeightMatrix.Address(_z[h]) + ((long)r0 * n);
        lane.Layer = h;
        if (_spec.Algorithm == Algorithm.BP)
        {
            int k = _n[h + 1];
            WeightMatrix w = _w[h + 1];
            float* delta = WeightMatrix.Address(_signal[h + 1]) + ((long)r0 * k);
            if (w.TransposedCurrent)
            {
                // δ's rows in the register blocks and Wᵀ's panels (written by W's update) as B, as RBP's δ·C: each
                // element is the same chain over k as in the forms below, so the weights keep their bits. A 50-row
                // lane of Figure 12: 300 instead of 460 µs per 500×500 product with W in L3 (205 instead of 307 in
                // L2; min and median alternating call by call), while writing the copy adds about 170 µs to each
                // layer's update: a step takes 2–4 % less (min, quartile and median, alternating blocks of steps).
                lane.Gemm.MultiplyPrepacked(r1 - r0, n, k, 1f, delta, k, null, w.TransposedPanels, 0f, z, n, lane.SignalRows);
            }
            else if (w.PanelsOnly)
            {
                lane.Gemm.MultiplyByPanelsTransposed(r1 - r0, n, k, 1f, delta, k, w.Panels, 0f, z, n, lane.SignalRows);
            }
            else
            {
                lane.Gemm.Multiply(false, true, r1 - r0, n, k, 1f, delta, k, w.Ptr, k, 0f, z, n, lane.SignalRows);
            }
        }
        else
        {
            int src = Skipped ? L : h + 1;
            int k = _n[src];
            WeightMatrix c = _feedback[Skipped ? h : h + 1]!;
            float* delta = WeightMatrix.Address(_signal[src]) + ((long)r0 * k);
            MultiplyByMatrix(lane, r1 - r0, delta, c, z, lane.SignalRows);
        }
    }

    /// <summary>
    /// Rows [r0, r1) (from the lane's row offset) of layer <see cref="StepLane.Layer"/>: G = g(Z) (with
    /// learning-channel dropout), the Hebbian post term O^h ⊙ g′(Z), then R^h = f′ ⊙ G (⊙ forward mask).
    /// </summary>
    private void HiddenSignalRows(StepLane lane, int r0, int r1)
    {
        int h = lane.Layer;
        int start = (lane.RowOffset + r0) * _n[h];
        int size = (r1 - r0) * _n[h];
        Span<float> g = _g[h].AsSpan(start, size);
        if (_lcTanh)
        {
            ActivationKernels.Apply(Activation.Tanh, _z[h].AsSpan(start, size), g);
        }

        if (_post[h] is { } post)
        {
            // g′(Z) = 1 − tanh²(Z): the derivative of the learning-channel cell in eq. 12.
            ActivationKernels.DerivativeProduct(Activation.Tanh, g, _od[h].AsSpan(start, size), post.AsSpan(start, size));
        }

        ApplyLearningDropout(h, g, lane.Step, start);
        Span<float> r = _signal[h].AsSpan(start, size);
        ActivationKernels.DerivativeProduct(_spec.Hidden, _o[h].AsSpan(start, size), g, r);
        if (_mask[h] is { } mask)
        {
            DropoutKernels.Apply(r, mask.AsSpan(start, size));
        }
    }

    /// <summary>
    /// C (rows × M.Cols) ← A (rows × M.Rows) · M on <paramref name="lane"/>'s engine, from M's panel copy when it has a
    /// current one (a fixed learning-channel matrix, or any on two lanes), otherwise packing M for the call;
    /// <paramref name="epilogue"/> finishes rows of C.
    /// </summary>
    private static void MultiplyByMatrix(StepLane lane, int rows, float* a, WeightMatrix m, float* c, Action<int, int>? epilogue = null)
    {
        if (m.Panels != null && m.PanelsCurrent)
        {
            lane.Gemm.MultiplyPrepacked(rows, m.Cols, m.Rows, 1f, a, m.Rows, null, m.Panels, 0f, c, m.Cols, epilogue);
        }
        else
        {
            lane.Gemm.Multiply(false, false, rows, m.Cols, m.Rows, 1f, a, m.Rows, null, m.Ptr, m.Cols, 0f, c, m.Cols, epilogue);
        }
    }

    private (float[] Source, int Width) LambdaSource(int h) =>
        !Skipped && h < _layers - 1 ? (_lambda[h + 1]!, _spec.LearningChannelWidths![h]) : (_signal[_layers], _n[_layers]);

    /// <summary>Learning-channel dropout on <paramref name="signal"/>, which starts at element <paramref name="start"/> of layer h.</summary>
    private void ApplyLearningDropout(int h, Span<float> signal, long update, int start = 0)
    {
        if (_lcMask[h] is { } mask)
        {
            Span<float> m = mask.AsSpan(start, signal.Length);
            DropoutKernels.FillMask(m, _pLearning, _seed, Stream(update, 1, h), (ulong)start);
            DropoutKernels.Apply(signal, m);
        }
    }
}

using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using NeuroLc.RateAdapters.Kernels;

namespace NeuroLc.RateAdapters.Training;

/// <summary>The learning channel (eqs. 5–19) and the updates of <see cref="RateNetwork"/>.</summary>
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

    /// <summary>
    /// Adaptive learning channel. Hebbian (eq. 12): ARBP ΔC^{h+1} = η (R^{h+1})ᵀ (O^h ⊙ g′), ASRBP ΔC^h = η Eᵀ (O^h ⊙ g′);
    /// Distinct ΔC′^h = η (λ^h)ᵀ O^h and, with A′, ΔD^h = η (source)ᵀ (O^h A′^h ⊙ g′). STDP (eq. 19): ΔC = η (upper at
    /// the clamped phase)ᵀ ΔO^h, i.e. Tᵀ ΔO^h for SRBP; with <see cref="StdpChannelPhase.Free"/> the upper layer's
    /// activity at the free phase t=1 (O^L for SRBP, eq. 32).
    /// </summary>
    private void UpdateLearningChannel(int rows, float alpha)
    {
        int L = _layers;
        for (int h = 1; h < L; h++)
        {
            ChannelUpdate(_lane, h, rows, alpha);
        }
    }

    /// <summary>
    /// The adaptive learning-channel update that belongs to hidden layer h (<see cref="UpdateLearningChannel"/>), on
    /// <paramref name="lane"/>: Distinct C′^h and, with A′, D^h; Conjoined C^{h+1} or C^h.
    /// </summary>
    private void ChannelUpdate(StepLane lane, int h, int rows, float alpha)
    {
        if (_spec.Architecture == ChannelArchitecture.Conjoined)
        {
            ConjoinedChannelUpdate(lane, h, rows, alpha);
            return;
        }

        Update(lane, _lateralC[h]!, WeightMatrix.Address(_lambda[h]!), null, WeightMatrix.Address(_od[h]), rows, alpha);
        if (_feedback[h]!.Adaptive)
        {
            Update(lane, _feedback[h]!, WeightMatrix.Address(LambdaSource(h).Source), null, WeightMatrix.Address(_postLambda[h]!), rows, alpha);
        }
    }

    /// <summary>
    /// The adaptive matrices that <see cref="ChannelUpdate"/> writes for hidden layer h: Conjoined C^{h+1} or C^h
    /// (Second null); Distinct C′^h, and D^h when it adapts (with A′).
    /// </summary>
    private (WeightMatrix First, WeightMatrix? Second) ChannelMatrices(int h) =>
        _spec.Architecture == ChannelArchitecture.Conjoined
            ? (_feedback[Skipped ? h : h + 1]!, null)
            : (_lateralC[h]!, _feedback[h]!.Adaptive ? _feedback[h] : null);

    /// <summary>
    /// The update of Conjoined C^{h+1} (ARBP) or C^h (ASRBP) that feeds hidden layer h, on <paramref name="lane"/>:
    /// Hebbian (eq. 12) or STDP (eq. 19), as <see cref="UpdateLearningChannel"/> describes. It reads only the step's
    /// signals and activities, so on two lanes it is one more task after the meeting (<see cref="ClaimUpdates"/>).
    /// </summary>
    private void ConjoinedChannelUpdate(StepLane lane, int h, int rows, float alpha)
    {
        int L = _layers;
        WeightMatrix c = _feedback[Skipped ? h : h + 1]!;
        float* pre;
        float* post;
        if (_spec.LearningChannelRule == LearningChannelRule.Stdp)
        {
            bool free = _spec.StdpChannelPhase == StdpChannelPhase.Free;
            pre = Skipped || h == L - 1
                ? WeightMatrix.Address(free ? _o[L] : _targets)
                : WeightMatrix.Address(free ? _o1[h + 1]! : _o2[h + 1]!);
            post = WeightMatrix.Address(_signal[h]);
        }
        else
        {
            pre = WeightMatrix.Address(_signal[Skipped ? L : h + 1]);
            post = WeightMatrix.Address(_post[h] ?? _od[h]);
        }

        Update(lane, c, pre, null, post, rows, alpha);
    }

    /// <summary>
    /// M ← M + α·Aᵀ·P (A rows×M.Rows, P rows×M.Cols), through the velocity V ← μV + α·AᵀP, M ← M + V with momentum.
    /// </summary>
    private void Update(WeightMatrix m, float* a, float* p, int rows, float alpha) => Update(_lane, m, a, null, p, rows, alpha);

    /// <summary>
    /// The update on <paramref name="lane"/>, with row r of A at <paramref name="aRows"/>[r] when given (the first
    /// layer's inputs).
    /// </summary>
    private void Update(StepLane lane, WeightMatrix m, float* a, float** aRows, float* p, int rows, float alpha)
    {
        // The velocity is added, and a matrix with a panel copy refreshes it, row range by row range on the thread
        // that just wrote those rows.
        // Kept only as panels, with momentum: V ← μV + α·AᵀP into V's panels, each tile then added to W's panels.
        float* target = m.PanelsOnly && m.VelocityPanels != null ? m.VelocityPanels : m.Panels;
        float beta = m.PanelsOnly && m.VelocityPanels != null ? _momentumValue : 1f;
        float* addInto = m.PanelsOnly && m.VelocityPanels != null ? m.Panels : null;
        if (m.PanelsOnly && m.TransposedPanels != null)
        {
            lane.Gemm.MultiplyIntoPanelsAndTransposed(true, m.Rows, m.Cols, rows, alpha, a, m.Rows, aRows, p, m.Cols, beta, target,
                m.TransposedPanels, addInto);
            m.UpdateFinished(transposedWritten: true);
            return;
        }

        if (m.PanelsOnly)
        {
            lane.Gemm.MultiplyIntoPanels(true, m.Rows, m.Cols, rows, alpha, a, m.Rows, aRows, p, m.Cols, beta, target, null, addInto);
            m.UpdateFinished();
            return;
        }

        lane.Matrix = m;
        Action<int, int>? finish = m.Panels != null || m.HasVelocity ? lane.RowsDone : null;
        if (m.Velocity is { } v)
        {
            lane.Gemm.Multiply(true, false, m.Rows, m.Cols, rows, alpha, a, m.Rows, aRows, p, m.Cols, _momentumValue, WeightMatrix.Address(v), m.Cols, finish);
        }
        else
        {
            lane.Gemm.Multiply(true, false, m.Rows, m.Cols, rows, alpha, a, m.Rows, aRows, p, m.Cols, 1f, m.Ptr, m.Cols, finish);
        }

        m.UpdateFinished();
        lane.Matrix = null;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void UpdateBias(StepLane lane, WeightMatrix b, float[] signal, int rows, float alpha)
    {
        Span<float> grad = lane.BiasGradient.AsSpan(0, b.Cols);
        ActivationKernels.ColumnSums(signal, rows, grad);
        if (b.Velocity is { } v)
        {
            TensorPrimitives.Multiply(v, _momentumValue, v);
            TensorPrimitives.MultiplyAdd(grad, alpha, v, v);
            TensorPrimitives.Add(b.Values, v, b.Values);
        }
        else
        {
            TensorPrimitives.MultiplyAdd(grad, alpha, b.Values, b.Values);
        }
    }
}

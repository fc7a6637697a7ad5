using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using NeuroLc.RateAdapters.Kernels;

namespace NeuroLc.RateAdapters.Training;

/// <summary>The updates of <see cref="RateNetwork"/>: forward weights and biases, and an adaptive learning channel (eqs. 12, 19).</summary>
internal sealed unsafe partial class RateNetwork
{
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

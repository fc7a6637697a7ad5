using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NeuroLc.Synapses;

/// <summary>
/// The directed synapses of one projection, stored in compressed sparse rows ordered by post cell: synapse k
/// of post cell i (RowStart[i] ≤ k &lt; RowStart[i+1]) comes from pre cell PreIndex[k] and has weight
/// Weights[k]; all share one delay ≥ 1 step. Storage is 8 bytes per synapse (weight and pre index), plus 4 for
/// an optional eligibility trace. The block offers the two per-synapse operations an engine needs —
/// propagation and a plasticity update through a generic rule — and no step loop.
/// </summary>
public sealed class SynapseBlock
{
    /// <summary>Creates a block; validates indices, delay and weights (throws <see cref="ArgumentException"/>
    /// naming the block and the field).</summary>
    public SynapseBlock(
        string name, string prePopulation, string postPopulation, int preSize, int postSize,
        int[] rowStart, int[] preIndex, float[] weights, int delay, bool withTrace = false)
    {
        ArgumentNullException.ThrowIfNull(rowStart);
        ArgumentNullException.ThrowIfNull(preIndex);
        ArgumentNullException.ThrowIfNull(weights);
        Name = name;
        PrePopulation = prePopulation;
        PostPopulation = postPopulation;
        PreSize = preSize;
        PostSize = postSize;
        RowStart = rowStart;
        PreIndex = preIndex;
        Weights = weights;
        Delay = delay;
        Trace = withTrace ? new float[weights.Length] : null;
        Validate();
        IsDense = ComputeIsDense();
    }

    /// <summary>Whether every pre cell reaches every post cell in order (row i is pre cells 0..PreSize−1), so the
    /// loops can skip the index array and propagation is a vectorised dot product per row.</summary>
    public bool IsDense { get; }

    /// <summary>Projection name.</summary>
    public string Name { get; }

    /// <summary>Pre population name.</summary>
    public string PrePopulation { get; }

    /// <summary>Post population name.</summary>
    public string PostPopulation { get; }

    /// <summary>Number of pre cells.</summary>
    public int PreSize { get; }

    /// <summary>Number of post cells.</summary>
    public int PostSize { get; }

    /// <summary>CSR row starts (length PostSize + 1).</summary>
    public int[] RowStart { get; }

    /// <summary>Pre cell of each synapse.</summary>
    public int[] PreIndex { get; }

    /// <summary>Weight of each synapse.</summary>
    public float[] Weights { get; }

    /// <summary>Optional eligibility trace of each synapse.</summary>
    public float[]? Trace { get; }

    /// <summary>Delay in steps.</summary>
    public int Delay { get; }

    /// <summary>Number of synapses.</summary>
    public int Count => Weights.Length;

    /// <summary>Bytes of state per synapse (weight, pre index, trace).</summary>
    public int BytesPerSynapse => sizeof(float) + sizeof(int) + (Trace is null ? 0 : sizeof(float));

    /// <summary>Propagation: accumulator[i] += Σ_k w_k · pre[PreIndex[k]] over the synapses onto cell i (eq. 2).</summary>
    public void Propagate(ReadOnlySpan<float> pre, Span<float> accumulator)
    {
        RequireLengths(pre.Length, accumulator.Length);
        if (IsDense)
        {
            ReadOnlySpan<float> w = Weights;
            for (int i = 0; i < PostSize; i++)
            {
                accumulator[i] += TensorPrimitives.Dot(w.Slice(i * PreSize, PreSize), pre[..PreSize]);
            }

            return;
        }

        // Indices were validated at construction and lengths above, so the gather needs no bounds checks.
        ref int rowStart = ref MemoryMarshal.GetArrayDataReference(RowStart);
        ref int preIndex = ref MemoryMarshal.GetArrayDataReference(PreIndex);
        ref float w0 = ref MemoryMarshal.GetArrayDataReference(Weights);
        ref float pre0 = ref MemoryMarshal.GetReference(pre);
        for (int i = 0; i < PostSize; i++)
        {
            // Four partial sums break the floating-point add latency chain (fixed order: deterministic).
            float s0 = 0f, s1 = 0f, s2 = 0f, s3 = 0f;
            int k = Unsafe.Add(ref rowStart, i);
            int end = Unsafe.Add(ref rowStart, i + 1);
            for (; k + 3 < end; k += 4)
            {
                s0 += Unsafe.Add(ref w0, k) * Unsafe.Add(ref pre0, Unsafe.Add(ref preIndex, k));
                s1 += Unsafe.Add(ref w0, k + 1) * Unsafe.Add(ref pre0, Unsafe.Add(ref preIndex, k + 1));
                s2 += Unsafe.Add(ref w0, k + 2) * Unsafe.Add(ref pre0, Unsafe.Add(ref preIndex, k + 2));
                s3 += Unsafe.Add(ref w0, k + 3) * Unsafe.Add(ref pre0, Unsafe.Add(ref preIndex, k + 3));
            }

            for (; k < end; k++)
            {
                s0 += Unsafe.Add(ref w0, k) * Unsafe.Add(ref pre0, Unsafe.Add(ref preIndex, k));
            }

            accumulator[i] += (s0 + s1) + (s2 + s3);
        }
    }

    /// <summary>
    /// Plasticity: for every synapse, builds its <see cref="LocalView"/> (own weight, pre signal, post cell state,
    /// η, phase) and adds <c>rule.Delta(view)</c> to <paramref name="destination"/>[k] — the weights themselves
    /// for online learning, a pending-update buffer for minibatches. A locality violation raised by the view is
    /// re-thrown naming this synapse and its cells. A non-null <paramref name="recorder"/> sees every read.
    /// </summary>
    public void Update<TRule>(TRule rule, ReadOnlySpan<float> pre, ReadOnlySpan<PostState> post, float eta, Phase phase,
        Span<float> destination, IReadRecorder? recorder = null)
        where TRule : struct, IPlasticityRule
    {
        RequireLengths(pre.Length, post.Length);
        if (destination.Length < Count)
        {
            throw new ArgumentException($"synapse block '{Name}': destination has {destination.Length} entries for {Count} synapses", nameof(destination));
        }

        // The handler lives out here so that the loop's indices stay in registers; a violation is rare and is
        // located afterwards by a read-only scan.
        try
        {
            if (recorder is null)
            {
                UpdateRows(rule, pre, post, eta, phase, destination);
            }
            else
            {
                UpdateRowsAudited(rule, pre, post, eta, phase, destination, recorder);
            }
        }
        catch (LocalityViolationException e)
        {
            throw Locate(rule, pre, post, eta, phase, e);
        }
    }

    // The view is built with a constant null recorder, so the JIT removes every audit branch from the loop;
    // indices were validated at construction and lengths by the caller, so there are no bounds checks either.
    private void UpdateRows<TRule>(TRule rule, ReadOnlySpan<float> pre, ReadOnlySpan<PostState> post, float eta, Phase phase,
        Span<float> destination)
        where TRule : struct, IPlasticityRule
    {
        ref int rowStart = ref MemoryMarshal.GetArrayDataReference(RowStart);
        ref int preIndex = ref MemoryMarshal.GetArrayDataReference(PreIndex);
        ref float w0 = ref MemoryMarshal.GetArrayDataReference(Weights);
        ref float pre0 = ref MemoryMarshal.GetReference(pre);
        ref float d0 = ref MemoryMarshal.GetReference(destination);
        for (int i = 0; i < PostSize; i++)
        {
            ref readonly PostState ps = ref post[i];
            int start = Unsafe.Add(ref rowStart, i);
            int end = Unsafe.Add(ref rowStart, i + 1);
            if (IsDense)
            {
                for (int k = start, j = 0; k < end; k++, j++)
                {
                    Unsafe.Add(ref d0, k) += rule.Delta(new LocalView(Unsafe.Add(ref w0, k), Unsafe.Add(ref pre0, j), in ps, eta, phase, null));
                }
            }
            else
            {
                for (int k = start; k < end; k++)
                {
                    float preOutput = Unsafe.Add(ref pre0, Unsafe.Add(ref preIndex, k));
                    Unsafe.Add(ref d0, k) += rule.Delta(new LocalView(Unsafe.Add(ref w0, k), preOutput, in ps, eta, phase, null));
                }
            }
        }
    }

    /// <summary>
    /// Plasticity for a separable rule (<see cref="ISeparableRule"/>): a = PostFactor(post cell) once per row, then
    /// destination[k] += a · pre[PreIndex[k]] — for a dense row one vectorised multiply-add. Equal to
    /// <see cref="Update{TRule}"/> without a recorder; use that one in audit mode.
    /// </summary>
    public void UpdateSeparable<TRule>(TRule rule, ReadOnlySpan<float> pre, ReadOnlySpan<PostState> post, float eta, Phase phase,
        Span<float> destination)
        where TRule : struct, ISeparableRule
    {
        RequireLengths(pre.Length, post.Length);
        if (destination.Length < Count)
        {
            throw new ArgumentException($"synapse block '{Name}': destination has {destination.Length} entries for {Count} synapses", nameof(destination));
        }

        try
        {
            SeparableRows(rule, pre, post, eta, phase, destination);
        }
        catch (LocalityViolationException e)
        {
            throw Locate(rule, pre, post, eta, phase, e);
        }
    }

    private void SeparableRows<TRule>(TRule rule, ReadOnlySpan<float> pre, ReadOnlySpan<PostState> post, float eta, Phase phase,
        Span<float> destination)
        where TRule : struct, ISeparableRule
    {
        ref int rowStart = ref MemoryMarshal.GetArrayDataReference(RowStart);
        ref int preIndex = ref MemoryMarshal.GetArrayDataReference(PreIndex);
        ref float pre0 = ref MemoryMarshal.GetReference(pre);
        ref float d0 = ref MemoryMarshal.GetReference(destination);
        for (int i = 0; i < PostSize; i++)
        {
            float a = rule.PostFactor(in post[i], eta, phase);
            if (IsDense)
            {
                Span<float> row = destination.Slice(i * PreSize, PreSize);
                TensorPrimitives.MultiplyAdd(pre[..PreSize], a, row, row);
                continue;
            }

            int end = Unsafe.Add(ref rowStart, i + 1);
            for (int k = Unsafe.Add(ref rowStart, i); k < end; k++)
            {
                Unsafe.Add(ref d0, k) += a * Unsafe.Add(ref pre0, Unsafe.Add(ref preIndex, k));
            }
        }
    }

    private void UpdateRowsAudited<TRule>(TRule rule, ReadOnlySpan<float> pre, ReadOnlySpan<PostState> post, float eta, Phase phase,
        Span<float> destination, IReadRecorder recorder)
        where TRule : struct, IPlasticityRule
    {
        for (int i = 0; i < PostSize; i++)
        {
            for (int k = RowStart[i]; k < RowStart[i + 1]; k++)
            {
                destination[k] += rule.Delta(new LocalView(Weights[k], pre[PreIndex[k]], in post[i], eta, phase, recorder));
            }
        }
    }

    private LocalityViolationException Locate<TRule>(TRule rule, ReadOnlySpan<float> pre, ReadOnlySpan<PostState> post, float eta, Phase phase,
        LocalityViolationException original)
        where TRule : struct, IPlasticityRule
    {
        for (int i = 0; i < PostSize; i++)
        {
            for (int k = RowStart[i]; k < RowStart[i + 1]; k++)
            {
                try
                {
                    rule.Delta(new LocalView(Weights[k], pre[PreIndex[k]], in post[i], eta, phase));
                }
                catch (LocalityViolationException e)
                {
                    return new LocalityViolationException(DescribeSynapse(k), e.Variable, $"post cell {PostPopulation}[{i}]",
                        "the target is local only to output cells");
                }
            }
        }

        return original;
    }

    /// <summary>Names synapse k, e.g. "in->h[5] (in[1] -> h[2])".</summary>
    public string DescribeSynapse(int k) => $"{Name}[{k}] ({PrePopulation}[{PreIndex[k]}] -> {PostPopulation}[{PostOf(k)}])";

    /// <summary>The post cell of synapse k.</summary>
    public int PostOf(int k)
    {
        int post = Array.BinarySearch(RowStart, k);
        post = post < 0 ? ~post - 1 : post;

        // Empty rows share their start with the next row; the synapse belongs to the last of them.
        while (post + 1 < RowStart.Length - 1 && RowStart[post + 1] == k)
        {
            post++;
        }

        return post;
    }

    private void RequireLengths(int pre, int post)
    {
        if (pre < PreSize || post < PostSize)
        {
            throw new ArgumentException($"synapse block '{Name}': needs {PreSize} pre and {PostSize} post values, got {pre} and {post}");
        }
    }

    private bool ComputeIsDense()
    {
        if ((long)PreSize * PostSize != Count)
        {
            return false;
        }

        for (int k = 0; k < Count; k++)
        {
            if (PreIndex[k] != k % PreSize)
            {
                return false;
            }
        }

        return true;
    }

    private void Validate()
    {
        string obj = $"synapse block '{Name}'";
        if (Delay < 1)
        {
            throw new ArgumentException($"{obj}: Delay must be ≥ 1 step, was {Delay}", "delay");
        }

        if (RowStart.Length != PostSize + 1 || RowStart[0] != 0 || RowStart[PostSize] != Weights.Length || PreIndex.Length != Weights.Length)
        {
            throw new ArgumentException($"{obj}: RowStart/PreIndex/Weights lengths are inconsistent", "rowStart");
        }

        for (int k = 0; k < Weights.Length; k++)
        {
            if ((uint)PreIndex[k] >= (uint)PreSize)
            {
                throw new ArgumentException($"{obj}: PreIndex[{k}] = {PreIndex[k]} names a missing pre cell (pre population has {PreSize})", "preIndex");
            }

            if (!float.IsFinite(Weights[k]))
            {
                throw new ArgumentException($"{obj}: Weights[{k}] must be finite, was {Weights[k]}", "weights");
            }
        }
    }
}

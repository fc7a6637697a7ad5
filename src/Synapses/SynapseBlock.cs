using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NeuroLc.Synapses;

/// <summary>
/// The directed synapses of one projection, stored in compressed sparse rows ordered by post cell: synapse k
/// of post cell i (RowStart[i] ≤ k &lt; RowStart[i+1]) comes from pre cell <see cref="PreCell"/>(k) and has weight
/// Weights[k]; all share one delay ≥ 1 step. Storage per synapse: the 4-byte weight, plus the pre index of a
/// sparse block — 2 bytes when the pre population has at most 65,536 cells, else 4 (a dense block, where row i
/// is pre cells 0..PreSize−1, stores none) — plus 4 for an optional eligibility trace. The block offers the two
/// per-synapse operations an engine needs — propagation and a plasticity update through a generic rule — and no
/// step loop.
/// </summary>
public sealed class SynapseBlock
{
    /// <summary>Largest pre population whose indices a block stores in 2 bytes.</summary>
    public const int NarrowIndexLimit = ushort.MaxValue + 1;

    // Exactly one of them is set for a sparse block, none for a dense one.
    private readonly ushort[]? _narrowIndex;
    private readonly int[]? _wideIndex;

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
        Weights = weights;
        Delay = delay;
        Trace = withTrace ? new float[weights.Length] : null;
        Validate(preIndex);
        IsDense = ComputeIsDense(preIndex);
        if (!IsDense)
        {
            // Pre indices are read once per synapse per pass; halving them cuts what a sparse pass streams.
            if (preSize <= NarrowIndexLimit)
            {
                _narrowIndex = Array.ConvertAll(preIndex, j => (ushort)j);
            }
            else
            {
                _wideIndex = preIndex;
            }
        }
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

    /// <summary>Weight of each synapse.</summary>
    public float[] Weights { get; }

    /// <summary>Optional eligibility trace of each synapse.</summary>
    public float[]? Trace { get; }

    /// <summary>Delay in steps.</summary>
    public int Delay { get; }

    /// <summary>Number of synapses.</summary>
    public int Count => Weights.Length;

    /// <summary>Bytes of state per synapse (weight, pre index — 0, 2 or 4 bytes, see the type's summary — and trace).</summary>
    public int BytesPerSynapse => sizeof(float)
        + (_narrowIndex is not null ? sizeof(ushort) : _wideIndex is not null ? sizeof(int) : 0)
        + (Trace is null ? 0 : sizeof(float));

    /// <summary>The pre cell of synapse <paramref name="k"/>.</summary>
    public int PreCell(int k) => _narrowIndex is not null ? _narrowIndex[k] : _wideIndex is not null ? _wideIndex[k] : k % PreSize;

    /// <summary>Propagation: accumulator[i] += Σ_k w_k · pre[PreCell(k)] over the synapses onto cell i (eq. 2),
    /// each sparse row summed in the fixed order of <see cref="SparseRowKernels.Propagate{TIndex}"/>.</summary>
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

        if (_narrowIndex is not null)
        {
            SparseRowKernels.Propagate<ushort>(RowStart, Weights, _narrowIndex, pre, accumulator);
        }
        else
        {
            SparseRowKernels.Propagate<int>(RowStart, Weights, _wideIndex!, pre, accumulator);
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
        if (IsDense)
        {
            UpdateDenseRows(rule, pre, post, eta, phase, destination);
        }
        else if (_narrowIndex is not null)
        {
            UpdateSparseRows<TRule, ushort>(rule, _narrowIndex, pre, post, eta, phase, destination);
        }
        else
        {
            UpdateSparseRows<TRule, int>(rule, _wideIndex!, pre, post, eta, phase, destination);
        }
    }

    private void UpdateDenseRows<TRule>(TRule rule, ReadOnlySpan<float> pre, ReadOnlySpan<PostState> post, float eta, Phase phase,
        Span<float> destination)
        where TRule : struct, IPlasticityRule
    {
        ref float w0 = ref MemoryMarshal.GetArrayDataReference(Weights);
        ref float pre0 = ref MemoryMarshal.GetReference(pre);
        ref float d0 = ref MemoryMarshal.GetReference(destination);
        for (int i = 0, k = 0; i < PostSize; i++)
        {
            ref readonly PostState ps = ref post[i];
            for (int j = 0; j < PreSize; j++, k++)
            {
                Unsafe.Add(ref d0, k) += rule.Delta(new LocalView(Unsafe.Add(ref w0, k), Unsafe.Add(ref pre0, j), in ps, eta, phase, null));
            }
        }
    }

    private unsafe void UpdateSparseRows<TRule, TIndex>(TRule rule, ReadOnlySpan<TIndex> index, ReadOnlySpan<float> pre,
        ReadOnlySpan<PostState> post, float eta, Phase phase, Span<float> destination)
        where TRule : struct, IPlasticityRule
        where TIndex : unmanaged
    {
        ref int rowStart = ref MemoryMarshal.GetArrayDataReference(RowStart);
        ref float w0 = ref MemoryMarshal.GetArrayDataReference(Weights);
        ref float pre0 = ref MemoryMarshal.GetReference(pre);
        ref float d0 = ref MemoryMarshal.GetReference(destination);
        fixed (TIndex* ip = index)
        {
            for (int i = 0; i < PostSize; i++)
            {
                ref readonly PostState ps = ref post[i];
                int end = Unsafe.Add(ref rowStart, i + 1);
                for (int k = Unsafe.Add(ref rowStart, i); k < end; k++)
                {
                    float preOutput = Unsafe.Add(ref pre0, SparseRowKernels.At(ip, k));
                    Unsafe.Add(ref d0, k) += rule.Delta(new LocalView(Unsafe.Add(ref w0, k), preOutput, in ps, eta, phase, null));
                }
            }
        }
    }

    /// <summary>
    /// Plasticity for a separable rule (<see cref="ISeparableRule"/>): a = PostFactor(post cell) once per row, then
    /// destination[k] += a · pre[PreCell(k)] — for a dense row one vectorised multiply-add. Equal to
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
        if (_narrowIndex is not null)
        {
            SparseRowKernels.MultiplyAdd(rule, post, eta, phase, RowStart, _narrowIndex, pre, destination);
        }
        else if (_wideIndex is not null)
        {
            SparseRowKernels.MultiplyAdd(rule, post, eta, phase, RowStart, _wideIndex, pre, destination);
        }
        else
        {
            for (int i = 0; i < PostSize; i++)
            {
                Span<float> row = destination.Slice(i * PreSize, PreSize);
                TensorPrimitives.MultiplyAdd(pre[..PreSize], rule.PostFactor(in post[i], eta, phase), row, row);
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
                destination[k] += rule.Delta(new LocalView(Weights[k], pre[PreCell(k)], in post[i], eta, phase, recorder));
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
                    rule.Delta(new LocalView(Weights[k], pre[PreCell(k)], in post[i], eta, phase));
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
    public string DescribeSynapse(int k) => $"{Name}[{k}] ({PrePopulation}[{PreCell(k)}] -> {PostPopulation}[{PostOf(k)}])";

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

    private bool ComputeIsDense(int[] preIndex)
    {
        if ((long)PreSize * PostSize != Count)
        {
            return false;
        }

        for (int k = 0; k < Count; k++)
        {
            if (preIndex[k] != k % PreSize)
            {
                return false;
            }
        }

        return true;
    }

    private void Validate(int[] preIndex)
    {
        string obj = $"synapse block '{Name}'";
        if (Delay < 1)
        {
            throw new ArgumentException($"{obj}: Delay must be ≥ 1 step, was {Delay}", "delay");
        }

        if (RowStart.Length != PostSize + 1 || RowStart[0] != 0 || RowStart[PostSize] != Weights.Length || preIndex.Length != Weights.Length)
        {
            throw new ArgumentException($"{obj}: RowStart/PreIndex/Weights lengths are inconsistent", "rowStart");
        }

        // Non-decreasing row starts keep every row inside the arrays (the kernels index without bounds checks).
        for (int i = 0; i < PostSize; i++)
        {
            if (RowStart[i + 1] < RowStart[i])
            {
                throw new ArgumentException($"{obj}: RowStart[{i + 1}] = {RowStart[i + 1]} is below RowStart[{i}] = {RowStart[i]}", "rowStart");
            }
        }

        for (int k = 0; k < Weights.Length; k++)
        {
            if ((uint)preIndex[k] >= (uint)PreSize)
            {
                throw new ArgumentException($"{obj}: PreIndex[{k}] = {preIndex[k]} names a missing pre cell (pre population has {PreSize})", "preIndex");
            }

            if (!float.IsFinite(Weights[k]))
            {
                throw new ArgumentException($"{obj}: Weights[{k}] must be finite, was {Weights[k]}", "weights");
            }
        }
    }
}

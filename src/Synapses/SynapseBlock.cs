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
    }

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
        int[] rowStart = RowStart;
        int[] preIndex = PreIndex;
        float[] w = Weights;
        for (int i = 0; i < PostSize; i++)
        {
            float sum = 0f;
            int end = rowStart[i + 1];
            for (int k = rowStart[i]; k < end; k++)
            {
                sum += w[k] * pre[preIndex[k]];
            }

            accumulator[i] += sum;
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
        int[] rowStart = RowStart;
        int[] preIndex = PreIndex;
        float[] w = Weights;
        int i = 0;
        int k = 0;
        try
        {
            for (i = 0; i < PostSize; i++)
            {
                ref readonly PostState ps = ref post[i];
                int end = rowStart[i + 1];
                for (k = rowStart[i]; k < end; k++)
                {
                    var view = new LocalView(w[k], pre[preIndex[k]], in ps, eta, phase, recorder);
                    destination[k] += rule.Delta(view);
                }
            }
        }
        catch (LocalityViolationException e)
        {
            throw new LocalityViolationException(DescribeSynapse(k), e.Variable, $"post cell {PostPopulation}[{i}]",
                "the target is local only to output cells");
        }
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

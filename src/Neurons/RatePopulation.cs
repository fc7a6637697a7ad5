namespace NeuroLc.Neurons;

/// <summary>
/// The state of a population of rate cells, stored as structure-of-arrays. Every array entry belongs to exactly
/// one cell and holds only that cell's own state: its summed input from its own channel S, the input that
/// arrived from the opposite channel (<see cref="Other"/>), its output O and f'(S), the outputs it had in
/// phases 0/1/2, its local error R, the signal it currently sends into the learning channel, its dropout
/// "failed" flag and — for output cells only — the target. A cell's random stream is
/// <see cref="CounterRng"/> keyed by its global id.
/// </summary>
public sealed class RatePopulation
{
    // Salt of the learning-channel dropout stream: mixed into the seed so a cell's learning-channel mask is
    // drawn independently of its forward "failed" flag for the same (cell, example).
    private const ulong LearningDropoutSalt = 0x6C63_6472_6F70_5F31UL;

    private readonly float[] _drive;

    /// <summary>Allocates the state of <paramref name="size"/> cells.</summary>
    public RatePopulation(string name, int size, int firstCellId, TransferFunction transfer, Channel channel, bool isOutput, double dropout)
    {
        if (size < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, $"population '{name}' needs at least one cell");
        }

        Name = name;
        Size = size;
        FirstCellId = firstCellId;
        Transfer = transfer;
        Channel = channel;
        IsOutput = isOutput;
        DropoutProbability = dropout;
        S = new float[size];
        Other = new float[size];
        O = new float[size];
        FPrime = new float[size];
        O0 = new float[size];
        O1 = new float[size];
        O2 = new float[size];
        R = new float[size];
        LearningOutput = new float[size];
        Failed = new bool[size];
        LearningKept = new bool[size];
        _drive = new float[size];
        OtherAtFeedback = new float[size];
        Array.Fill(LearningKept, true);
        Target = isOutput ? new float[size] : null;
    }

    /// <summary>Population name.</summary>
    public string Name { get; }

    /// <summary>Number of cells.</summary>
    public int Size { get; }

    /// <summary>Global id of cell 0; cell i has id FirstCellId + i.</summary>
    public int FirstCellId { get; }

    /// <summary>Transfer function f (g for learning-channel cells).</summary>
    public TransferFunction Transfer { get; }

    /// <summary>
    /// The function g a forward cell applies to the summed learning-channel input it receives (<see cref="Other"/>)
    /// before multiplying by its own f'(S): R = f'(S) ⊙ g(Other), the "lc-tanh" variant of section 4.1.1
    /// (Figure 7). <see cref="TransferFunction.Identity"/> (the default) is the linear channel of eqs. 6, 9 and 11.
    /// Must be element-wise.
    /// </summary>
    public TransferFunction LearningTransfer { get; init; } = TransferFunction.Identity;

    /// <summary>The cells' channel.</summary>
    public Channel Channel { get; }

    /// <summary>Whether these are output cells (they hold targets).</summary>
    public bool IsOutput { get; }

    /// <summary>Dropout probability p.</summary>
    public double DropoutProbability { get; }

    /// <summary>
    /// Learning-channel dropout p_lc of a forward cell (section 4.1.2, Figure 9): the probability that it drops the
    /// learning-channel signal it received for one example; a kept signal is scaled by 1/(1 − p_lc). 0 disables it.
    /// </summary>
    public double LearningDropoutProbability { get; init; }

    /// <summary>Summed input from the cell's own channel.</summary>
    public float[] S { get; }

    /// <summary>Summed input from the opposite channel (a forward cell's lateral learning-channel input).</summary>
    public float[] Other { get; }

    /// <summary>
    /// The input from the opposite channel the cell had integrated at the end of phase t = 1 (phase protocol only,
    /// see <see cref="RememberFeedbackInput"/>).
    /// </summary>
    public float[] OtherAtFeedback { get; }

    /// <summary>Current output.</summary>
    public float[] O { get; }

    /// <summary>f'(S).</summary>
    public float[] FPrime { get; }

    /// <summary>Output at t = 0.</summary>
    public float[] O0 { get; }

    /// <summary>Output at t = 1.</summary>
    public float[] O1 { get; }

    /// <summary>Output at t = 2.</summary>
    public float[] O2 { get; }

    /// <summary>Local error R.</summary>
    public float[] R { get; }

    /// <summary>What the cell currently sends into the learning channel.</summary>
    public float[] LearningOutput { get; }

    /// <summary>Dropout: the cell failed for the current example and outputs 0.</summary>
    public bool[] Failed { get; }

    /// <summary>
    /// Learning-channel dropout: the cell keeps the learning-channel signal it received for the current example
    /// (true unless dropped; always true at evaluation or with p_lc = 0).
    /// </summary>
    public bool[] LearningKept { get; }

    /// <summary>Targets (output cells only, else null).</summary>
    public float[]? Target { get; }

    /// <summary>
    /// O = f(S + extra) for every cell, dropout applied (a failed cell outputs 0; survivors are scaled by 1/(1−p)
    /// so the expected output is unchanged). Softmax populations normalise laterally. When
    /// <paramref name="updateDerivative"/> is set, f'(S + extra) is stored too; the feedback phases leave the
    /// forward derivative f'(S) of t = 0 in place (eq. 18 uses it).
    /// </summary>
    public void Activate(ReadOnlySpan<float> extra, bool useDropout, bool updateDerivative = true)
    {
        Span<float> o = O;
        if (Transfer == TransferFunction.Softmax)
        {
            // Lateral normalisation of the output population (see TransferFunctions.SoftmaxInPlace).
            TransferFunctions.SoftmaxInPlace(S, o);
            for (int i = 0; i < Size; i++)
            {
                FPrime[i] = TransferFunctions.Derivative(Transfer, S[i], o[i]);
            }

            return;
        }

        float scale = useDropout && DropoutProbability > 0 ? (float)(1.0 / (1.0 - DropoutProbability)) : 1f;
        for (int i = 0; i < Size; i++)
        {
            float s = extra.IsEmpty ? S[i] : S[i] + extra[i];
            float value = TransferFunctions.Apply(Transfer, s);
            if (updateDerivative)
            {
                FPrime[i] = TransferFunctions.Derivative(Transfer, s, value);
            }

            o[i] = useDropout && Failed[i] ? 0f : value * scale;
        }
    }

    /// <summary>
    /// R = f'(S) ⊙ g(Other) for every cell (eqs. 6, 9, 11 with g = <see cref="LearningTransfer"/>): each cell
    /// transforms only the learning signal it received itself. A failed (dropped-out) cell has R = 0. With
    /// learning-channel dropout the transformed signal g(Other) is masked and rescaled (inverted dropout, section 4.1.2):
    /// R = f'(S) ⊙ (m / (1 − p_lc)) ⊙ g(Other), m = <see cref="LearningKept"/>.
    /// </summary>
    public void ComputeLocalError()
    {
        float scale = LearningScale;
        for (int i = 0; i < Size; i++)
        {
            R[i] = Failed[i] || !LearningKept[i] ? 0f : FPrime[i] * TransferFunctions.Apply(LearningTransfer, Other[i]) * scale;
        }
    }

    /// <summary>
    /// Remembers the learning-channel input the cell integrated by the end of phase t = 1,
    /// U¹ = Σ_k c_ik O_k(1) (eq. 16), in <see cref="OtherAtFeedback"/>: a cell remembers its own activity across
    /// channel activations (section 3.6), and phase t = 2 measures its learning signal against it.
    /// </summary>
    public void RememberFeedbackInput() => Array.Copy(Other, OtherAtFeedback, Size);

    /// <summary>
    /// The lateral drive the cell adds to its held forward input S in the phase protocol (eqs. 16–17):
    /// at t = 1 its received input U¹; at t = 2, U¹ + g(U² − U¹), g = <see cref="LearningTransfer"/>. The phase
    /// difference is then ΔO = f(S + U¹ + g(U² − U¹)) − f(S + U¹) ≈ f'(S) g(Σ_k c_ik (T_k − O_k)) for small c
    /// (eq. 18), the R of the explicit-error mode (<see cref="ComputeLocalError"/>, "lc-tanh" of section 4.1.1):
    /// the change the target causes in what the cell receives is the error signal, so that change is what g
    /// transforms. With g = identity the drive is U² itself, so the linear channel is unchanged bit for bit.
    /// Learning-channel dropout masks and rescales the drive: (m / (1 − p_lc)) ⊙ drive (section 4.1.2).
    /// The result may live in a buffer owned by the population that the next call overwrites.
    /// </summary>
    public ReadOnlySpan<float> LearningDrive(bool clamped)
    {
        bool transforms = clamped && LearningTransfer != TransferFunction.Identity;
        if (!transforms && LearningDropoutProbability <= 0)
        {
            return Other;
        }

        float scale = LearningScale;
        for (int i = 0; i < Size; i++)
        {
            float drive = transforms
                ? OtherAtFeedback[i] + TransferFunctions.Apply(LearningTransfer, Other[i] - OtherAtFeedback[i])
                : Other[i];
            _drive[i] = LearningKept[i] ? drive * scale : 0f;
        }

        return _drive;
    }

    /// <summary>Draws every cell's dropout flag for example number <paramref name="example"/> from its own stream.</summary>
    public void DrawDropout(ulong seed, long example)
    {
        for (int i = 0; i < Size; i++)
        {
            Failed[i] = DropoutProbability > 0
                && CounterRng.UniformDouble(seed, (ulong)(FirstCellId + i), (ulong)example) < DropoutProbability;
        }
    }

    /// <summary>
    /// Draws every cell's learning-channel dropout flag for example number <paramref name="example"/> from its own
    /// stream, distinct from the forward dropout stream (<see cref="DrawDropout"/>) so the two are independent.
    /// </summary>
    public void DrawLearningDropout(ulong seed, long example)
    {
        if (LearningDropoutProbability <= 0)
        {
            return;
        }

        ulong stream = seed ^ LearningDropoutSalt;
        for (int i = 0; i < Size; i++)
        {
            LearningKept[i] = CounterRng.UniformDouble(stream, (ulong)(FirstCellId + i), (ulong)example) >= LearningDropoutProbability;
        }
    }

    /// <summary>Clears every dropout flag, forward and learning-channel (evaluation: no dropout).</summary>
    public void ClearDropout()
    {
        Array.Clear(Failed);
        Array.Fill(LearningKept, true);
    }

    private float LearningScale => LearningDropoutProbability > 0 ? (float)(1.0 / (1.0 - LearningDropoutProbability)) : 1f;

    /// <summary>Names a cell for error messages, e.g. "cell 12 (h1[3])".</summary>
    public string DescribeCell(int index) => $"cell {FirstCellId + index} ({Name}[{index}])";
}

using System.Numerics.Tensors;
using NeuroLc.RateAdapters.Kernels;

namespace NeuroLc.RateAdapters.Training;

/// <summary>
/// One thread's working state in a training step: its product engine, a bias-gradient buffer, and the arguments the
/// row-range epilogues of its products read (layer, phase, update, the offset of its rows in the minibatch, the matrix
/// being updated). The sequential path has one lane on the two-thread engine; the two-lane step
/// (<c>RateNetwork.TwoLanes.cs</c>) has one single-thread lane per core, so nothing a product touches is shared.
/// </summary>
internal sealed class StepLane
{
    /// <summary>A lane on <paramref name="gemm"/> with a bias buffer of <paramref name="width"/> floats.</summary>
    public StepLane(Sgemm gemm, int width)
    {
        Gemm = gemm;
        BiasGradient = WeightMatrix.Pinned(width);
        RowsDone = (r0, r1) => FinishRows(Matrix!, r0, r1);
    }

    /// <summary>The lane's product engine.</summary>
    public Sgemm Gemm { get; }

    /// <summary>Column sums of the signal for a bias update.</summary>
    public float[] BiasGradient { get; }

    /// <summary>The matrix whose update is in flight on this lane, or null.</summary>
    public WeightMatrix? Matrix { get; set; }

    /// <summary>Epilogue of an update product: finishes rows [r0, r1) of <see cref="Matrix"/>.</summary>
    public Action<int, int> RowsDone { get; }

    /// <summary>Epilogue of a hidden layer's forward product (bias, transfer function, dropout), set by the network.</summary>
    public Action<int, int>? ForwardRows { get; set; }

    /// <summary>Epilogue of a hidden layer's learning-channel product (R^h = f′ ⊙ g(Z)), set by the network.</summary>
    public Action<int, int>? SignalRows { get; set; }

    /// <summary>Layer h of the product in flight.</summary>
    public int Layer { get; set; }

    /// <summary>Whether the forward product in flight is a training pass (dropout on).</summary>
    public bool Training { get; set; }

    /// <summary>Update counter of the step (keys the dropout masks).</summary>
    public long Step { get; set; }

    /// <summary>Minibatch row of the lane's first row: its products see rows from 0, the epilogues add this.</summary>
    public int RowOffset { get; set; }

    /// <summary>Summed loss of the lane's rows in the last forward pass.</summary>
    public double Loss { get; set; }

    /// <summary>Correctly classified rows among the lane's rows in the last forward pass.</summary>
    public int Correct { get; set; }

    /// <summary>
    /// Rows [r0, r1) of <paramref name="m"/>'s product are final: with momentum the product wrote the velocity, so
    /// add it to those rows of the weights; then copy the rows into the panel layout the forward product reads.
    /// Both steps are element-wise, so the cut into row ranges never changes a value.
    /// </summary>
    public static unsafe void FinishRows(WeightMatrix m, int r0, int r1)
    {
        int start = r0 * m.Cols;
        int length = (r1 - r0) * m.Cols;
        if (m.Velocity is { } v)
        {
            TensorPrimitives.Add(m.Values.AsSpan(start, length), v.AsSpan(start, length), m.Values.AsSpan(start, length));
        }

        if (m.Panels != null)
        {
            Sgemm.PackRows(m.Ptr, m.Cols, m.Rows, m.Cols, r0, r1, m.Panels, 0, Sgemm.PanelCount(m.Cols));
        }
    }
}

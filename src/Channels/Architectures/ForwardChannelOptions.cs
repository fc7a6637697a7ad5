using NeuroLc.Neurons;

namespace NeuroLc.Channels.Architectures;

/// <summary>The forward channel: inputs, hidden layers, output, transfer functions and dropout
/// (JSON object <c>forward</c>).</summary>
public sealed record ForwardChannelOptions
{
    /// <summary>Number of input cells (<c>forward.inputs</c>).</summary>
    public int Inputs { get; init; } = 2;

    /// <summary>Size of each hidden layer, input side first (<c>forward.hidden</c>).</summary>
    public IReadOnlyList<int> Hidden { get; init; } = [8];

    /// <summary>Number of output cells (<c>forward.outputs</c>).</summary>
    public int Outputs { get; init; } = 1;

    /// <summary>Transfer function f of the hidden cells (<c>forward.transfer</c>).</summary>
    public TransferFunction Transfer { get; init; } = TransferFunction.Tanh;

    /// <summary>Transfer function of the output cells (<c>forward.outputTransfer</c>).</summary>
    public TransferFunction OutputTransfer { get; init; } = TransferFunction.Logistic;

    /// <summary>Dropout probability p of every hidden forward cell, in [0, 1) (<c>forward.dropout</c>).</summary>
    public double Dropout { get; init; }
}

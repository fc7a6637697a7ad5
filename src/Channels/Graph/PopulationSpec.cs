using NeuroLc.Neurons;

namespace NeuroLc.Channels.Graph;

/// <summary>
/// A population of rate cells: its name, size, transfer function, channel, role and dropout probability
/// (the probability that a cell "fails" and outputs 0 for one example; survivors are scaled by 1/(1−p)).
/// </summary>
/// <param name="Name">Unique name within the network.</param>
/// <param name="Size">Number of cells, ≥ 1.</param>
/// <param name="Transfer">The transfer function f of every cell (learning-channel cells: g).</param>
/// <param name="Channel">Forward or learning channel.</param>
/// <param name="Role">Input, hidden, output or bias.</param>
/// <param name="DropoutProbability">p in [0, 1); 0 disables dropout.</param>
public sealed record PopulationSpec(
    string Name,
    int Size,
    TransferFunction Transfer,
    Channel Channel,
    PopulationRole Role,
    double DropoutProbability = 0.0)
{
    /// <summary>
    /// The transfer function g a forward cell applies to the summed learning-channel input it receives, before
    /// multiplying by its own f'(S) — the "lc-tanh" variant of section 4.1.1 (Figure 7) in Conjoined and
    /// Bidirectional networks, whose learning channel has no cells of its own. <see cref="TransferFunction.Identity"/>
    /// (the default) is the linear learning channel of BP, RBP and SRBP (eqs. 6, 9, 11). In the phase protocol
    /// (section 3.6) the cell applies g to the change the clamped target makes in its received input, so that
    /// ΔO = O(2) − O(1) ≈ f'(S) g(Σ_k c_ik (T_k − O_k)) (eq. 18 with a non-linear channel). Learning-channel
    /// populations use <see cref="Transfer"/> instead.
    /// </summary>
    public TransferFunction LearningTransfer { get; init; } = TransferFunction.Identity;

    /// <summary>
    /// Learning-channel dropout p_lc of a forward cell in a Conjoined or Bidirectional network (section 4.1.2,
    /// Figure 9), in [0, 1): during training the cell drops the learning-channel signal it received, G = g(Z), with
    /// probability p_lc and scales a kept one by 1/(1−p_lc), independently of its forward dropout; R = f'(S) ⊙ mask ⊙ G
    /// / (1−p_lc). No dropout at evaluation. 0 (the default) disables it. Learning-channel populations use
    /// <see cref="DropoutProbability"/> instead.
    /// </summary>
    public double LearningDropoutProbability { get; init; }
}

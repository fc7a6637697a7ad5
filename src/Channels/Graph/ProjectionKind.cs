using NeuroLc.Neurons;

namespace NeuroLc.Channels.Graph;

/// <summary>
/// The kind of a projection, which fixes which signal of the pre cells it carries: forward and A′ projections
/// carry the forward output O; feedback, skip and C′ projections carry the learning-channel signal
/// (the error T − O, a target, or a learning-channel cell's activity λ).
/// </summary>
public enum ProjectionKind
{
    /// <summary>Forward channel, layer h−1 → h: S^h = Σ_j w^h_ij O^{h−1}_j (eq. 2).</summary>
    Forward,

    /// <summary>Learning channel, one step back (h+1 → h): RBP's chained C^{h+1} (eq. 9), or a chained
    /// connection between learning-channel populations, or onto the same forward cells (Conjoined).</summary>
    Feedback,

    /// <summary>Lateral C′: a learning-channel cell → a forward cell, delivering the error signal to the forward
    /// cell's lateral input (Distinct architectures).</summary>
    LateralC,

    /// <summary>Lateral A′: a forward cell → a learning-channel cell (optional, Figure 5).</summary>
    LateralA,

    /// <summary>Learning channel from the output layer straight to a deep layer: SRBP's C^h (eq. 11).</summary>
    Skip,
}

/// <summary>Helpers on <see cref="ProjectionKind"/>.</summary>
public static class ProjectionKindExtensions
{
    /// <summary>The channel of the signal the projection carries from its pre cells.</summary>
    public static Channel CarriedChannel(this ProjectionKind kind)
        => kind is ProjectionKind.Forward or ProjectionKind.LateralA ? Channel.Forward : Channel.Learning;
}

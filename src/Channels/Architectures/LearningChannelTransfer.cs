namespace NeuroLc.Channels.Architectures;

/// <summary>The transfer function g of the learning channel (the LIN symmetry, section 2.4).</summary>
public enum LearningChannelTransfer
{
    /// <summary>g(x) = x: the linear learning channel of BP, RBP and SRBP.</summary>
    Linear,

    /// <summary>g = f, the forward hidden cells' own transfer function (e.g. tanh, section 4.1.1).</summary>
    Forward,
}

namespace NeuroLc.Simulator.Theory;

/// <summary>How the adaptive learning channel of a linear chain is wired (section 5.4, Figure 16).</summary>
public enum FeedbackRule
{
    /// <summary>Adaptive random backpropagation: cᵢ carries the error from layer i+1 to layer i (eqs. 74–75).</summary>
    Arbp,

    /// <summary>Adaptive skipped random backpropagation: cᵢ carries the output error straight to layer i (eqs. 81–82).</summary>
    Asrbp,
}

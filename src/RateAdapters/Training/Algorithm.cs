namespace NeuroLc.RateAdapters.Training;

/// <summary>How the output error reaches the deep layers (paper section 3.2, eqs. 5–11).</summary>
public enum Algorithm
{
    /// <summary>Backpropagation: B^h = f′(S^h) ⊙ (W^{h+1})ᵀ B^{h+1} (eqs. 5–7).</summary>
    BP,

    /// <summary>Random backpropagation: R^h = f′(S^h) ⊙ C^{h+1} R^{h+1}, C random (eqs. 8–10).</summary>
    RBP,

    /// <summary>Skipped random backpropagation: R^h = f′(S^h) ⊙ C^h E (eq. 11).</summary>
    SRBP,
}

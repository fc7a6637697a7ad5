namespace NeuroLc.Simulator;

/// <summary>How the learning channel carries information during one example's presentation.</summary>
public enum PresentationMode
{
    /// <summary>
    /// Three phases (section 3.6): t=0 forward (eq. 15); t=1 output cells send their output O into the learning
    /// channel (eq. 16); t=2 output cells are clamped to the target T and send it (eq. 17). Each cell then holds
    /// ΔO = O(2) − O(1) ≈ R (eq. 18) for the STDP rule (eq. 14) and the learning-channel rule (eq. 19). A deep
    /// cell with a non-linear g (<c>LearningTransfer</c>) is driven at t=2 by U¹ + g(U² − U¹), U^t its received
    /// learning-channel input at phase t, so ΔO ≈ f'(S) g(Σ c (T − O)), the lc-tanh R of the explicit-error mode.
    /// </summary>
    Phases,

    /// <summary>
    /// Two phases: t=0 forward; t=1 output cells send E = T − O into the learning channel (eq. 10), every
    /// deep forward cell computes R = f'(S) · (lateral input) (RBP eq. 9 when the lateral input is the chained
    /// Σ c R, SRBP eq. 11 when it is Σ c (T − O)) and sends R on (RBP chaining).
    /// </summary>
    ExplicitError,
}

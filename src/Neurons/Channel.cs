namespace NeuroLc.Neurons;

/// <summary>
/// The channel a cell or a signal belongs to (section 2.3): the forward channel carries activity from the
/// inputs to the outputs, the learning channel carries the information deep synapses need to learn.
/// </summary>
public enum Channel
{
    /// <summary>The forward channel: activity O = f(S) computed from the inputs.</summary>
    Forward,

    /// <summary>The learning channel: error or target information travelling back from the outputs.</summary>
    Learning,
}

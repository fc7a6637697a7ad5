namespace NeuroLc.Host.Training;

/// <summary>
/// One run being trained, seen by the host only through minibatch steps, epoch ends and checkpoints, so that run
/// directories, checkpoints and signals are handled the same whatever engine trains.
/// </summary>
public interface ITrainingSession : IDisposable
{
    /// <summary>Minibatch updates done so far (64-bit, DESIGN.md section 9).</summary>
    long Updates { get; }

    /// <summary>Updates in one pass over the training set.</summary>
    int UpdatesPerEpoch { get; }

    /// <summary>Examples per update.</summary>
    int BatchSize { get; }

    /// <summary>Synapses updated per example (forward and adaptive learning channel).</summary>
    long SynapseCount { get; }

    /// <summary>One minibatch update; false when the current epoch has no batch left.</summary>
    bool Step();

    /// <summary>Finishes the epoch and measures it; does not change the state that training continues from.</summary>
    /// <exception cref="RunFailedException">Training diverged (NaN loss or weights past the bound).</exception>
    EpochReport EndEpoch();

    /// <summary>Writes all training state, so that <see cref="ITrainingEngine.Restore"/> continues bit-identically.</summary>
    void WriteCheckpoint(Stream stream);

    /// <summary>SHA-256 (hex) of all weights in a fixed order.</summary>
    string WeightsSha256();

    /// <summary>Output probabilities for <paramref name="count"/> examples laid out row-major in <paramref name="inputs"/>.</summary>
    float[] PredictProbabilities(ReadOnlySpan<float> inputs, int count);
}

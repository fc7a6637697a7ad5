namespace NeuroLc.Simulator.Training;

/// <summary>Input/target pairs (I(t), T(t)), t = 1..M (section 2.1).</summary>
public sealed class Dataset
{
    /// <summary>Creates a dataset; all inputs (targets) must have the same length.</summary>
    public Dataset(float[][] inputs, float[][] targets)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(targets);
        if (inputs.Length != targets.Length || inputs.Length == 0)
        {
            throw new ArgumentException($"dataset needs as many targets as inputs (≥ 1); got {inputs.Length} inputs and {targets.Length} targets", nameof(targets));
        }

        for (int t = 0; t < inputs.Length; t++)
        {
            if (inputs[t].Length != inputs[0].Length || targets[t].Length != targets[0].Length)
            {
                throw new ArgumentException($"dataset example {t} has a different input or target length from example 0", nameof(inputs));
            }
        }

        Inputs = inputs;
        Targets = targets;
    }

    /// <summary>Inputs.</summary>
    public float[][] Inputs { get; }

    /// <summary>Targets.</summary>
    public float[][] Targets { get; }

    /// <summary>Number of examples M.</summary>
    public int Count => Inputs.Length;
}

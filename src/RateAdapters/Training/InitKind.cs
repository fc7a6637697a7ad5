namespace NeuroLc.RateAdapters.Training;

/// <summary>Weight initialisation (Glorot and Bengio 2010), biases zero.</summary>
public enum InitKind
{
    /// <summary>N(0, 2/(fan_in + fan_out)).</summary>
    GlorotNormal,

    /// <summary>U(−√(6/(fan_in + fan_out)), +√(6/(fan_in + fan_out))).</summary>
    GlorotUniform,
}

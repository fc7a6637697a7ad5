namespace NeuroLc.Synapses;

/// <summary>Receives every read a rule makes through a <see cref="LocalView"/> (audit mode).</summary>
public interface IReadRecorder
{
    /// <summary>Called once per read of <paramref name="symbol"/>.</summary>
    void Record(LocalSymbol symbol);
}

using NeuroLc.Synapses;

namespace NeuroLc.Simulator.Locality;

/// <summary>The locality audit of a run: how many synapse updates and reads were made, of which symbols, and
/// every violation (each also raised as a <see cref="LocalityViolationException"/>).</summary>
public sealed class AuditReport : IReadRecorder
{
    private readonly long[] _readsBySymbol = new long[Enum.GetValues<LocalSymbol>().Length];
    private readonly List<string> _violations = [];

    /// <summary>Synapse updates audited.</summary>
    public long Updates { get; private set; }

    /// <summary>Reads audited (typed and checked paths).</summary>
    public long Reads { get; private set; }

    /// <summary>Reads of each local symbol.</summary>
    public IReadOnlyDictionary<LocalSymbol, long> ReadsBySymbol
        => Enum.GetValues<LocalSymbol>().ToDictionary(s => s, s => _readsBySymbol[(int)s]);

    /// <summary>Every violation, as its exception message.</summary>
    public IReadOnlyList<string> Violations => _violations;

    /// <inheritdoc />
    public void Record(LocalSymbol symbol)
    {
        _readsBySymbol[(int)symbol]++;
        Reads++;
    }

    /// <summary>Counts synapse updates.</summary>
    internal void AddUpdates(long count) => Updates += count;

    /// <summary>Counts a checked read that was local.</summary>
    internal void RecordCheckedRead() => Reads++;

    /// <summary>Records a violation.</summary>
    internal void RecordViolation(LocalityViolationException e)
    {
        Reads++;
        _violations.Add(e.Message);
    }

    /// <summary>A one-paragraph summary.</summary>
    public override string ToString()
    {
        string symbols = string.Join(", ", ReadsBySymbol.Where(kv => kv.Value > 0).Select(kv => $"{LocalSymbols.Name(kv.Key)}={kv.Value}"));
        return $"locality audit: {Updates} synapse updates, {Reads} reads ({symbols}), {_violations.Count} violations";
    }
}

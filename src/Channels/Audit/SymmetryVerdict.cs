namespace NeuroLc.Channels.Audit;

/// <summary>
/// The audit's verdict on one symmetry. For the undesirable ones (ARC, WTS, NEU, DER), <see cref="Needed"/> means
/// the built network relies on the symmetry — whether physics provides it for free, as in the Bidirectional and
/// Conjoined cases, is stated in the evidence. For the desirable ones (LIN, ADA), <see cref="Achieved"/> means the
/// network has it.
/// </summary>
public enum SymmetryVerdict
{
    /// <summary>The network relies on this undesirable symmetry.</summary>
    Needed,

    /// <summary>The network does without this undesirable symmetry.</summary>
    NotNeeded,

    /// <summary>The network has this desirable symmetry.</summary>
    Achieved,

    /// <summary>The network lacks this desirable symmetry.</summary>
    NotAchieved,
}

/// <summary>Wire names of <see cref="SymmetryVerdict"/>.</summary>
public static class SymmetryVerdictExtensions
{
    /// <summary>"needed", "not-needed", "achieved" or "not-achieved".</summary>
    public static string ToWireName(this SymmetryVerdict verdict) => verdict switch
    {
        SymmetryVerdict.Needed => "needed",
        SymmetryVerdict.NotNeeded => "not-needed",
        SymmetryVerdict.Achieved => "achieved",
        SymmetryVerdict.NotAchieved => "not-achieved",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, "unknown verdict"),
    };
}

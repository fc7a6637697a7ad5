namespace NeuroLc.Synapses;

/// <summary>
/// Everything a synapse may read, and nothing else. The text rule language knows exactly these names
/// (<see cref="LocalSymbols.Name"/>); <see cref="LocalView"/> exposes exactly these values.
/// </summary>
public enum LocalSymbol
{
    /// <summary><c>eta</c>: the broadcast learning rate.</summary>
    Eta,

    /// <summary><c>phase</c>: the broadcast phase number (0, 1, 2).</summary>
    Phase,

    /// <summary><c>w</c>: this synapse's own weight.</summary>
    Weight,

    /// <summary><c>O_pre</c>: the pre cell's output in the synapse's own channel.</summary>
    PreOutput,

    /// <summary><c>S_post</c>: the post cell's summed input from its own channel.</summary>
    PostS,

    /// <summary><c>O_post</c>: the post cell's output at t = 0.</summary>
    PostO,

    /// <summary><c>fprime_post</c>: the post cell's derivative f'(S).</summary>
    PostFPrime,

    /// <summary><c>O1_post</c>: the post cell's output at t = 1.</summary>
    PostO1,

    /// <summary><c>O2_post</c>: the post cell's output at t = 2.</summary>
    PostO2,

    /// <summary><c>dO_post</c>: O2_post − O1_post (eq. 18).</summary>
    PostDeltaO,

    /// <summary><c>E_post</c>: what the post cell received from the opposite channel (the lateral input).</summary>
    PostOther,

    /// <summary><c>R_post</c>: the post cell's local error (T − O at an output cell, eq. 10; f'(S)·E elsewhere, eqs. 9, 11).</summary>
    PostR,

    /// <summary><c>T_post</c>: the target; local only when the post cell is an output cell.</summary>
    PostTarget,
}

/// <summary>Names of the <see cref="LocalSymbol"/>s in the rule language.</summary>
public static class LocalSymbols
{
    private static readonly Dictionary<string, LocalSymbol> s_byName = new(StringComparer.Ordinal)
    {
        ["eta"] = LocalSymbol.Eta,
        ["phase"] = LocalSymbol.Phase,
        ["w"] = LocalSymbol.Weight,
        ["O_pre"] = LocalSymbol.PreOutput,
        ["S_post"] = LocalSymbol.PostS,
        ["O_post"] = LocalSymbol.PostO,
        ["fprime_post"] = LocalSymbol.PostFPrime,
        ["O1_post"] = LocalSymbol.PostO1,
        ["O2_post"] = LocalSymbol.PostO2,
        ["dO_post"] = LocalSymbol.PostDeltaO,
        ["E_post"] = LocalSymbol.PostOther,
        ["R_post"] = LocalSymbol.PostR,
        ["T_post"] = LocalSymbol.PostTarget,
    };

    /// <summary>All symbol names, for error messages.</summary>
    public static IEnumerable<string> AllNames => s_byName.Keys;

    /// <summary>Looks a name up.</summary>
    public static bool TryParse(string name, out LocalSymbol symbol) => s_byName.TryGetValue(name, out symbol);

    /// <summary>The language name of a symbol.</summary>
    public static string Name(LocalSymbol symbol) => s_byName.First(kv => kv.Value == symbol).Key;
}

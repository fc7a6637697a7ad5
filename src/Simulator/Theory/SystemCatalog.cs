using System.Globalization;

namespace NeuroLc.Simulator.Theory;

/// <summary>
/// Maps the command-line names of the section-5 systems to <see cref="IOdeSystem"/> instances:
/// <c>a111</c> (eq. 24), <c>a111-stdp</c> (eq. 33), <c>a1111</c> (eq. 49), <c>a1111-asrbp</c> (eq. 55),
/// <c>chain:L</c> (eqs. 74–75), <c>chain-asrbp:L</c> (eqs. 81–82) for L ≥ 2, <c>a1n1</c> (eq. 99) and
/// <c>an1n</c> (eq. 120) with width N (default 3), <c>mu:&lt;μ&gt;</c> (eq. 132) for μ &gt; 0, and the general
/// linear ARBP <c>linear:N0,N1,…,NL</c> (eqs. 125–126, Theorem 7).
/// </summary>
public static class SystemCatalog
{
    /// <summary>Width used by <c>a1n1</c> and <c>an1n</c> when none is given.</summary>
    public const int DefaultWidth = 3;

    /// <summary>Largest chain length accepted (products of more weights under- or overflow quickly).</summary>
    public const int MaxChainLength = 64;

    /// <summary>Largest width accepted for <c>a1n1</c>/<c>an1n</c>.</summary>
    public const int MaxWidth = 1000;

    /// <summary>The accepted name patterns, for help and error messages.</summary>
    public static IReadOnlyList<string> KnownNames { get; } =
        ["a111", "a111-stdp", "a1111", "a1111-asrbp", "chain:L", "chain-asrbp:L", "a1n1", "an1n", "mu:<mu>", "linear:N0,N1,...,NL"];

    /// <summary>True when the named system takes a width N (<c>--n</c>).</summary>
    public static bool TakesWidth(string name) => name is "a1n1" or "an1n";

    /// <summary>Builds the named system. Throws <see cref="TheoryInputException"/> for an unknown or malformed name.</summary>
    /// <param name="name">A catalog name.</param>
    /// <param name="alpha">α = E(IT).</param>
    /// <param name="beta">β = E(I²), positive.</param>
    /// <param name="width">N for <c>a1n1</c>/<c>an1n</c>; must be null for the others.</param>
    public static IOdeSystem Create(string name, double alpha, double beta, int? width = null)
    {
        string trimmed = (name ?? string.Empty).Trim();
        if (width.HasValue && !TakesWidth(trimmed))
        {
            throw new TheoryInputException("n", $"--n applies only to a1n1 and an1n, not to '{trimmed}'.");
        }

        int n = width ?? DefaultWidth;
        if (TakesWidth(trimmed) && (n < 1 || n > MaxWidth))
        {
            throw new TheoryInputException("n", FormattableString.Invariant($"N must be between 1 and {MaxWidth}; got {n}."));
        }

        switch (trimmed)
        {
            case "a111":
                return new LinearChainSystem("a111", 2, FeedbackRule.Arbp, alpha, beta);
            case "a111-stdp":
                return new StdpSystem(alpha, beta);
            case "a1111":
                return new LinearChainSystem("a1111", 3, FeedbackRule.Arbp, alpha, beta);
            case "a1111-asrbp":
                return new LinearChainSystem("a1111-asrbp", 3, FeedbackRule.Asrbp, alpha, beta);
            case "a1n1":
                return new ExpansiveSystem(n, alpha, beta);
            case "an1n":
                return new CompressiveSystem(n, alpha, beta);
        }

        if (trimmed.StartsWith("chain:", StringComparison.Ordinal) || trimmed.StartsWith("chain-asrbp:", StringComparison.Ordinal))
        {
            int colon = trimmed.IndexOf(':');
            string text = trimmed[(colon + 1)..];
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int length) || length < 2 || length > MaxChainLength)
            {
                throw new TheoryInputException(
                    "system",
                    FormattableString.Invariant($"'{trimmed}': the chain length L must be an integer from 2 to {MaxChainLength}; got '{text}'."));
            }

            FeedbackRule rule = colon == "chain".Length ? FeedbackRule.Arbp : FeedbackRule.Asrbp;
            return new LinearChainSystem(trimmed, length, rule, alpha, beta);
        }

        if (trimmed.StartsWith("mu:", StringComparison.Ordinal))
        {
            string text = trimmed["mu:".Length..];
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double mu) || !double.IsFinite(mu) || mu <= 0.0)
            {
                throw new TheoryInputException("system", $"'{trimmed}': mu must be a finite positive number, e.g. mu:3 or mu:1.5; got '{text}'.");
            }

            return new PowerSystem(mu, alpha, beta);
        }

        if (trimmed.StartsWith("linear:", StringComparison.Ordinal))
        {
            return new GeneralLinearSystem(ParseSizes(trimmed), alpha, beta);
        }

        throw new TheoryInputException(
            "system",
            $"unknown system '{trimmed}'. Known systems: {string.Join(", ", KnownNames)} (L >= 2; --n N for a1n1/an1n).");
    }

    private static int[] ParseSizes(string name)
    {
        string[] parts = name["linear:".Length..].Split(',');
        int[] sizes = new int[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out sizes[i]) || sizes[i] < 1 || sizes[i] > 100)
            {
                throw new TheoryInputException("system", $"'{name}': layer size '{parts[i]}' must be an integer from 1 to 100.");
            }
        }

        if (sizes.Length < 3)
        {
            throw new TheoryInputException("system", $"'{name}': give at least three layer sizes N0,N1,N2.");
        }

        return sizes;
    }
}

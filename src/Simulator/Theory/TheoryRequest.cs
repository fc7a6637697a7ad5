using System.Globalization;

namespace NeuroLc.Simulator.Theory;

/// <summary>
/// A validated request to integrate one section-5 system: the system (built from its catalog name, α, β and N),
/// the initial condition (given, or drawn from N(0, 1) per variable with <see cref="DefaultSeed"/>, within the
/// system's hypotheses) and the end time.
/// </summary>
public sealed class TheoryRequest
{
    /// <summary>Default α = E(IT).</summary>
    public const double DefaultAlpha = 1.0;

    /// <summary>Default β = E(I²).</summary>
    public const double DefaultBeta = 1.0;

    /// <summary>Default end time; runs stop earlier once converged.</summary>
    public const double DefaultEndTime = 1000.0;

    /// <summary>Seed of the random initial condition used when none is given.</summary>
    public const int DefaultSeed = 2026;

    private TheoryRequest(IOdeSystem system, double[] initial, bool randomInitial, double endTime)
    {
        System = system;
        InitialCondition = initial;
        InitialIsRandom = randomInitial;
        EndTime = endTime;
    }

    /// <summary>The system to integrate.</summary>
    public IOdeSystem System { get; }

    /// <summary>The initial state, in <see cref="IOdeSystem.VariableNames"/> order.</summary>
    public IReadOnlyList<double> InitialCondition { get; }

    /// <summary>True when the initial condition was drawn with <see cref="DefaultSeed"/> rather than given.</summary>
    public bool InitialIsRandom { get; }

    /// <summary>The end time of the integration.</summary>
    public double EndTime { get; }

    /// <summary>
    /// Validates command-line input and builds the request.
    /// Throws <see cref="TheoryInputException"/> naming the field at fault: an unknown system (listing the known
    /// ones), an initial condition that misses or misnames a variable or has a bad number, a non-finite α,
    /// β ≤ 0, a non-positive end time, or an N that is out of range or given to a system without width.
    /// </summary>
    /// <param name="system">Catalog name, e.g. <c>a111</c>, <c>chain:5</c>, <c>mu:3</c>.</param>
    /// <param name="init">Initial condition <c>a1=…,a2=…,c1=…</c> naming every variable, or null for a seeded random one.</param>
    /// <param name="alpha">α, default 1.</param>
    /// <param name="beta">β, default 1; must be positive.</param>
    /// <param name="tEnd">End time, default 1000.</param>
    /// <param name="n">Width N for a1n1/an1n, default 3.</param>
    public static TheoryRequest Parse(string system, string? init, double? alpha, double? beta, double? tEnd, int? n)
    {
        double a = alpha ?? DefaultAlpha;
        double b = beta ?? DefaultBeta;
        if (!double.IsFinite(a))
        {
            throw new TheoryInputException("alpha", $"alpha = E(IT) must be a finite number; got {a.ToString(CultureInfo.InvariantCulture)}.");
        }

        if (!double.IsFinite(b) || b <= 0.0)
        {
            throw new TheoryInputException(
                "beta",
                $"beta = E(I^2) must be finite and > 0; got {b.ToString(CultureInfo.InvariantCulture)}. "
                + "A mean square input is never negative, and beta = 0 means the input is always 0 (the paper excludes it): "
                + "the error then has no minimum alpha - beta P = 0 to converge to.");
        }

        double end = tEnd ?? DefaultEndTime;
        if (!double.IsFinite(end) || end <= 0.0)
        {
            throw new TheoryInputException("t-end", $"the end time must be finite and > 0; got {end.ToString(CultureInfo.InvariantCulture)}.");
        }

        IOdeSystem built = SystemCatalog.Create(system, a, b, n);
        if (string.IsNullOrWhiteSpace(init))
        {
            return new TheoryRequest(built, built.RandomInitialCondition(new Random(DefaultSeed)), true, end);
        }

        double[] state = ParseInitialCondition(built, init);
        return new TheoryRequest(built, state, false, end);
    }

    private static double[] ParseInitialCondition(IOdeSystem system, string init)
    {
        IReadOnlyList<string> names = system.VariableNames;
        double?[] values = new double?[names.Count];
        string expected = string.Join(", ", names);
        foreach (string rawPart in init.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            int equals = rawPart.IndexOf('=');
            if (equals <= 0)
            {
                throw new TheoryInputException("init", $"'{rawPart}' is not of the form name=value (variables of {system.Name}: {expected}).");
            }

            string name = rawPart[..equals].Trim();
            string text = rawPart[(equals + 1)..].Trim();
            int index = IndexOf(names, name);
            if (index < 0)
            {
                throw new TheoryInputException("init", $"unknown variable '{name}' for {system.Name}; its variables are {expected}.");
            }

            if (values[index].HasValue)
            {
                throw new TheoryInputException("init", $"variable '{name}' is given twice.");
            }

            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
            {
                throw new TheoryInputException("init", $"variable '{name}': '{text}' is not a finite number.");
            }

            values[index] = value;
        }

        List<string> missing = [];
        double[] state = new double[names.Count];
        for (int i = 0; i < names.Count; i++)
        {
            if (values[i] is double v)
            {
                state[i] = v;
            }
            else
            {
                missing.Add(names[i]);
            }
        }

        if (missing.Count > 0)
        {
            throw new TheoryInputException(
                "init",
                $"the initial condition misses {(missing.Count == 1 ? "variable" : "variables")} {string.Join(", ", missing)} (variables of {system.Name}: {expected}).");
        }

        if (system is PowerSystem { IsIntegerPower: false } power && state[0] <= 0.0)
        {
            throw new TheoryInputException(
                "init",
                FormattableString.Invariant($"a1 = {state[0]}: for non-integer mu = {power.Mu} the power a1^mu of eq. 132 needs a1 > 0."));
        }

        return state;
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (int i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}

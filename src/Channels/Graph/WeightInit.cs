namespace NeuroLc.Channels.Graph;

/// <summary>How initial weights are drawn.</summary>
public enum WeightInitKind
{
    /// <summary>Every weight equals <see cref="WeightInit.Scale"/>.</summary>
    Constant,

    /// <summary>Uniform on [−Scale, Scale].</summary>
    Uniform,

    /// <summary>Normal with mean 0 and standard deviation Scale.</summary>
    Normal,

    /// <summary>Uniform on ±sqrt(6 / (fan_in + fan_out)) (Glorot and Bengio).</summary>
    GlorotUniform,

    /// <summary>Normal with std sqrt(2 / (fan_in + fan_out)) (Glorot and Bengio; not truncated).</summary>
    GlorotNormal,

    /// <summary>Weights given explicitly as a [post, pre] matrix.</summary>
    Explicit,
}

/// <summary>
/// The initial weights of a projection: a seeded random initializer (optionally sparse, each (post, pre) pair
/// connected with probability <see cref="Density"/>) or an explicit [post, pre] matrix. Draws are counter-based,
/// keyed by (seed, post·preSize + pre), so both engines materialise identical weights
/// (<see cref="WeightMaterializer"/>).
/// </summary>
public sealed record WeightInit
{
    private WeightInit(WeightInitKind kind, double scale, ulong seed, double density, float[,]? matrix)
    {
        Kind = kind;
        Scale = scale;
        Seed = seed;
        Density = density;
        Matrix = matrix;
    }

    /// <summary>The distribution.</summary>
    public WeightInitKind Kind { get; }

    /// <summary>Constant value, uniform half-width or normal standard deviation (unused for Glorot kinds).</summary>
    public double Scale { get; }

    /// <summary>The random seed.</summary>
    public ulong Seed { get; }

    /// <summary>Probability in (0, 1] that a (post, pre) pair is connected; 1 is a dense projection.</summary>
    public double Density { get; }

    /// <summary>The [post, pre] weights when <see cref="Kind"/> is <see cref="WeightInitKind.Explicit"/>.
    /// Entries that are exactly 0 are still synapses (dense).</summary>
    public float[,]? Matrix { get; }

    /// <summary>Every weight equal to <paramref name="value"/>.</summary>
    public static WeightInit Constant(double value) => new(WeightInitKind.Constant, value, 0, 1.0, null);

    /// <summary>Uniform on [−halfWidth, halfWidth].</summary>
    public static WeightInit Uniform(double halfWidth, ulong seed, double density = 1.0)
        => new(WeightInitKind.Uniform, halfWidth, seed, density, null);

    /// <summary>Normal(0, std²).</summary>
    public static WeightInit Normal(double std, ulong seed, double density = 1.0)
        => new(WeightInitKind.Normal, std, seed, density, null);

    /// <summary>Glorot uniform.</summary>
    public static WeightInit GlorotUniform(ulong seed) => new(WeightInitKind.GlorotUniform, 0, seed, 1.0, null);

    /// <summary>Glorot normal.</summary>
    public static WeightInit GlorotNormal(ulong seed) => new(WeightInitKind.GlorotNormal, 0, seed, 1.0, null);

    /// <summary>Explicit weights, <c>matrix[post, pre]</c>; the array is copied.</summary>
    public static WeightInit FromMatrix(float[,] matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        return new WeightInit(WeightInitKind.Explicit, 0, 0, 1.0, (float[,])matrix.Clone());
    }
}

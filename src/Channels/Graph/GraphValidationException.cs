namespace NeuroLc.Channels.Graph;

/// <summary>A network description is invalid. Names the offending object (population or projection) and
/// field; no partial network is ever built from an invalid description.</summary>
public sealed class GraphValidationException : Exception
{
    /// <summary>Creates the exception for <paramref name="field"/> of <paramref name="objectName"/>.</summary>
    public GraphValidationException(string objectName, string field, string reason)
        : base($"invalid network: {objectName}.{field}: {reason}")
    {
        ObjectName = objectName;
        Field = field;
    }

    /// <summary>The population or projection at fault (e.g. "projection 'in->h1'").</summary>
    public string ObjectName { get; }

    /// <summary>The field at fault (e.g. "Delay").</summary>
    public string Field { get; }
}

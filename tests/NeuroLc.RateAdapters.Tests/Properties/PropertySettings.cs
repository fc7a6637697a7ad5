namespace NeuroLc.RateAdapters.Tests.Properties;

/// <summary>
/// Reproducibility of the CsCheck properties: CsCheck seeds only the first iteration of a sample, so each property
/// draws all its cases as one array from this fixed seed and runs a single iteration on one thread. A failure still
/// shrinks the array to a small failing case and prints it.
/// </summary>
internal static class PropertySettings
{
    /// <summary>The CsCheck seed every property starts from.</summary>
    public const string Seed = "1xn1HwIbwfUS";
}

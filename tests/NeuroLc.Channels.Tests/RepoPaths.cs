namespace NeuroLc.Channels.Tests;

/// <summary>Locates files of the repository from the test's output folder.</summary>
internal static class RepoPaths
{
    public static string Root
    {
        get
        {
            for (DirectoryInfo? d = new(AppContext.BaseDirectory); d is not null; d = d.Parent)
            {
                if (File.Exists(Path.Combine(d.FullName, "NeuroLc.sln")))
                {
                    return d.FullName;
                }
            }

            throw new DirectoryNotFoundException($"no NeuroLc.sln above {AppContext.BaseDirectory}");
        }
    }

    public static string Architecture(int number) => Path.Combine(Root, "experiments", "architectures", $"arch{number:00}.json");
}

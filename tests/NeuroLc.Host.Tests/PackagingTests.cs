using System.Diagnostics;
using NeuroLc.Host.Tests.Support;

namespace NeuroLc.Host.Tests;

/// <summary>The app as a .NET tool: <c>dotnet pack</c>, <c>dotnet tool install</c> from the local folder, then <c>neurolc --help</c>.</summary>
[Trait("Category", "Packaging")]
public sealed class PackagingTests
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    [Fact]
    public void Tool_installs_from_a_local_package_folder_and_runs()
    {
        using var temp = new TempFolder();
        string project = Experiments.RepositoryFolder("src/Host/NeuroLc.Host.csproj");

        // --no-build: the test build already compiled the Host project in this configuration.
        Run("dotnet", "pack", project, "-c", Configuration, "--no-build", "-o", temp.Combine("packages"));
        Assert.Single(Directory.GetFiles(temp.Combine("packages"), "NeuroLc.Tool.*.nupkg"));
        Run("dotnet", "tool", "install", "--tool-path", temp.Combine("tools"), "--add-source", temp.Combine("packages"), "NeuroLc.Tool");
        string help = Run(temp.Combine("tools", "neurolc"), "--help");

        Assert.Contains("reproduce", help);
        Assert.Contains("serve", help);
    }

    private static string Run(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        using Process process = Process.Start(info)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(4)), $"{file} {string.Join(' ', args)} timed out");
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', args)} exited {process.ExitCode}:\n{output.Result}\n{error.Result}");
        return output.Result;
    }
}

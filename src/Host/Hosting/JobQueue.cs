using NeuroLc.Host.Configuration;
using NeuroLc.Host.Runs;

namespace NeuroLc.Host.Hosting;

/// <summary>
/// The jobs of a jobs folder: each <c>name.json</c> maps to the run directory <c>runs/name</c>. A job is pending until
/// its run directory has a <c>summary.json</c>; state lives only in the run directories, so a restarted server
/// continues where it stopped and the jobs folder is never written.
/// </summary>
public sealed class JobQueue(string jobsFolder, string runsFolder)
{
    public IReadOnlyList<string> JobFiles() =>
        Directory.GetFiles(jobsFolder, "*.json").Order(StringComparer.Ordinal).ToArray();

    public string RunDirectoryOf(string jobFile) => Path.Combine(runsFolder, Path.GetFileNameWithoutExtension(jobFile));

    /// <summary>Loads every job file; the first that cannot be read or is not a valid experiment is thrown.</summary>
    /// <exception cref="ConfigException">A job file is unreadable or invalid.</exception>
    public void ValidateAll()
    {
        foreach (string file in JobFiles())
        {
            ExperimentLoader.LoadFile(file, LoadOptions.None);
        }
    }

    /// <summary>The first job, in name order, whose run directory has no summary and that is not in <paramref name="skip"/>.</summary>
    public string? NextPending(IReadOnlySet<string> skip) =>
        JobFiles().FirstOrDefault(f => !skip.Contains(f) && !File.Exists(Path.Combine(RunDirectoryOf(f), "summary.json")));

    /// <summary>Opens the job's run directory, creating it on first use.</summary>
    public RunDirectory Open(string jobFile)
    {
        string root = RunDirectoryOf(jobFile);
        if (File.Exists(Path.Combine(root, "config.json")))
        {
            return RunDirectory.Open(root);
        }
        return RunDirectory.Create(root, ExperimentLoader.LoadFile(jobFile, LoadOptions.None));
    }
}

using Microsoft.Extensions.Options;
using NeuroLc.Host.Progress;

namespace NeuroLc.Host.Hosting;

/// <summary>Options of <c>neurolc serve</c>, validated when the host starts.</summary>
public sealed class JobsOptions
{
    /// <summary>Folder watched for experiment files (<c>*.json</c>); the worker only reads it.</summary>
    public string JobsFolder { get; set; } = "";

    /// <summary>Where each job's run directory is written, named after the job file.</summary>
    public string RunsFolder { get; set; } = "runs";

    /// <summary>Seconds between scans of <see cref="JobsFolder"/> when no job is pending.</summary>
    public double PollSeconds { get; set; } = 5;

    /// <summary>Stop when no job is pending instead of waiting for new files.</summary>
    public bool Once { get; set; }

    public ProgressMode Progress { get; set; } = ProgressMode.Text;
}

/// <summary>Checks <see cref="JobsOptions"/> at start (<c>ValidateOnStart</c>).</summary>
public sealed class JobsOptionsValidator : IValidateOptions<JobsOptions>
{
    public ValidateOptionsResult Validate(string? name, JobsOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.JobsFolder))
        {
            failures.Add("--jobs: a jobs folder is required");
        }
        else if (!Directory.Exists(options.JobsFolder))
        {
            failures.Add($"--jobs: folder {options.JobsFolder} does not exist");
        }
        if (string.IsNullOrWhiteSpace(options.RunsFolder))
        {
            failures.Add("--runs: a folder for run directories is required");
        }
        if (!(options.PollSeconds > 0) || options.PollSeconds > 3600)
        {
            failures.Add($"--poll-seconds: expected 0 < seconds <= 3600, got {options.PollSeconds}");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

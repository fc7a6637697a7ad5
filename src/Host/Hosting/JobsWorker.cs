using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NeuroLc.Host.Configuration;
using NeuroLc.Host.Progress;
using NeuroLc.Host.Runs;
using NeuroLc.Host.Training;

namespace NeuroLc.Host.Hosting;

/// <summary>
/// The hosted worker of <c>neurolc serve</c>: takes the experiment files of the jobs folder one at a time and trains
/// them (STYLE.md item 10: it only loops the runner until cancelled). On SIGTERM the host cancels the token, the
/// runner finishes its minibatch and checkpoints; on restart the job continues from that checkpoint.
/// </summary>
public sealed class JobsWorker(
    IOptions<JobsOptions> options,
    ITrainingEngine engine,
    IProgressReporter progress,
    IHostApplicationLifetime lifetime,
    ILogger<JobsWorker> logger) : BackgroundService
{
    private readonly HashSet<string> _failed = new(StringComparer.Ordinal);

    /// <summary>Number of jobs that failed in this process (bad file, missing data, divergence).</summary>
    public int FailedJobs => _failed.Count;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        JobsOptions settings = options.Value;
        var queue = new JobQueue(settings.JobsFolder, settings.RunsFolder);
        Directory.CreateDirectory(settings.RunsFolder);
        while (!stoppingToken.IsCancellationRequested)
        {
            string? job = queue.NextPending(_failed);
            if (job is null)
            {
                if (settings.Once)
                {
                    lifetime.StopApplication();
                    return;
                }
                await Task.Delay(TimeSpan.FromSeconds(settings.PollSeconds), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                continue;
            }
            // Training is CPU-bound and synchronous; run it off the host's thread so shutdown signals are seen.
            await Task.Run(() => RunJob(queue, job, stoppingToken), CancellationToken.None);
        }
    }

    private void RunJob(JobQueue queue, string job, CancellationToken stoppingToken)
    {
        try
        {
            RunDirectory directory = queue.Open(job);
            logger.LogInformation("job {Job}: run directory {Directory}", job, directory.Root);
            foreach (RunConfig run in directory.Experiment.Runs.Where(r => directory.LoadResult(r.Name) is null))
            {
                engine.Prepare(run);
            }
            RunOutcome outcome = new ExperimentRunner(engine, progress).Run(directory, stoppingToken);
            if (outcome == RunOutcome.Completed)
            {
                Plots.PlotRenderer.RenderAll(directory);
                logger.LogInformation("job {Job}: done, summary {Summary}", job, directory.SummaryPath);
            }
            else
            {
                logger.LogInformation("job {Job}: stopped and checkpointed; it continues when the server restarts", job);
            }
        }
        catch (Exception ex) when (ex is ConfigException or UsageException or DataUnavailableException or RunFailedException or IOException)
        {
            _failed.Add(job);
            logger.LogError("job {Job} failed: {Message}", job, ex.Message);
        }
    }
}

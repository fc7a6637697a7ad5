using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NeuroLc.Host.Hosting;
using NeuroLc.Host.Progress;

namespace NeuroLc.Host.Cli;

/// <summary><c>neurolc serve --jobs DIR</c>: the hosted worker (Microsoft.Extensions.Hosting) with options validated at start.</summary>
public static class ServeCommand
{
    public static Command Create(AppServices services)
    {
        var jobs = new Option<string>("--jobs") { Description = "Folder of experiment files to run, one at a time, in name order.", Required = true };
        var runs = new Option<string>("--runs") { Description = "Folder for the run directories (one per job file).", DefaultValueFactory = _ => "runs" };
        var poll = new Option<double>("--poll-seconds") { Description = "Seconds between scans for new job files.", DefaultValueFactory = _ => 5 };
        var once = new Option<bool>("--once") { Description = "Exit when every job is done instead of waiting for new ones." };
        Option<ProgressMode> progress = ExperimentOptions.ProgressOption();
        var command = new Command("serve", "Run the experiment files dropped into a jobs folder; survives restarts by resuming from checkpoints.")
        {
            jobs, runs, poll, once, progress,
        };
        command.SetAction(result => Guard.Run(services.Error, () =>
        {
            var settings = new JobsOptions
            {
                JobsFolder = result.GetValue(jobs)!,
                RunsFolder = result.GetValue(runs)!,
                PollSeconds = result.GetValue(poll),
                Once = result.GetValue(once),
                Progress = result.GetValue(progress) == ProgressMode.Auto ? ProgressMode.Text : result.GetValue(progress),
            };
            return Serve(services, settings);
        }));
        return command;
    }

    private static int Serve(AppServices services, JobsOptions settings)
    {
        HostApplicationBuilder builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        // stdout carries data only: every log line goes to stderr.
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddOptions<JobsOptions>()
            .Configure(o =>
            {
                o.JobsFolder = settings.JobsFolder;
                o.RunsFolder = settings.RunsFolder;
                o.PollSeconds = settings.PollSeconds;
                o.Once = settings.Once;
                o.Progress = settings.Progress;
            })
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<JobsOptions>, JobsOptionsValidator>();
        builder.Services.AddSingleton(_ => services.Engine());
        builder.Services.AddSingleton(_ => ProgressReporters.Create(settings.Progress, services.Error));
        builder.Services.AddSingleton<JobsWorker>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<JobsWorker>());
        // An epoch end (evaluation + checkpoint) must fit in the shutdown window.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromMinutes(5));
        using IHost host = builder.Build();
        JobsWorker worker = host.Services.GetRequiredService<JobsWorker>();
        try
        {
            if (Directory.Exists(settings.JobsFolder))
            {
                new JobQueue(settings.JobsFolder, settings.RunsFolder).ValidateAll();
            }
            // Run() starts (validating the options), waits for shutdown and disposes the host.
            host.Run();
        }
        catch (OptionsValidationException ex)
        {
            services.Error.WriteLine($"error: {string.Join("; ", ex.Failures)}");
            return ExitCodes.BadInput;
        }
        return worker.FailedJobs == 0 ? ExitCodes.Success : ExitCodes.Failed;
    }
}

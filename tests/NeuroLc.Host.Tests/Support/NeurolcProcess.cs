using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace NeuroLc.Host.Tests.Support;

/// <summary>The built <c>neurolc</c> run as a child process (<c>dotnet neurolc.dll</c>), so tests can kill it for real.</summary>
internal sealed partial class NeurolcProcess : IDisposable
{
    private const int SigTerm = 15;
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();

    private NeurolcProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => { lock (_output) { _output.AppendLine(e.Data); } };
        _process.ErrorDataReceived += (_, e) => { lock (_error) { _error.AppendLine(e.Data); } };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Error
    {
        get
        {
            lock (_error)
            {
                return _error.ToString();
            }
        }
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static NeurolcProcess Start(params string[] args)
    {
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var info = new ProcessStartInfo(dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "neurolc.dll"));
        foreach (string arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        return new NeurolcProcess(Process.Start(info)!);
    }

    /// <summary>Runs to completion and returns the exit code.</summary>
    public static (int Code, string Output, string Error) Run(TimeSpan timeout, params string[] args)
    {
        using NeurolcProcess process = Start(args);
        int code = process.WaitForExit(timeout);
        return (code, process.Output, process.Error);
    }

    public int WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"neurolc did not exit within {timeout}; stderr:\n{Error}");
        }
        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: no handler runs, files are left exactly as they were at that instant.</summary>
    public void KillHard()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    /// <summary>SIGTERM: the app should finish its minibatch, checkpoint and exit 0.</summary>
    public void Terminate() => Assert.Equal(0, SendSignal(_process.Id, SigTerm));

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SendSignal(int pid, int signal);
}

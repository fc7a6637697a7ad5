using System.Runtime.InteropServices;

namespace NeuroLc.Bench.Alternation;

/// <summary>
/// A busy loop at the lowest priority (nice 19) pinned to the last CPU, while it lives: the way this shared host slows
/// one of our two cores at times, made repeatable. On Linux only; elsewhere the loop is neither pinned nor lowered.
/// </summary>
internal sealed partial class SlowedCore : IDisposable
{
    private const int PriorityOfProcess = 0;
    private const int LowestPriority = 19;
    private readonly Thread _thread;
    private volatile bool _stop;

    /// <summary>Starts the loop.</summary>
    public SlowedCore()
    {
        _thread = new Thread(Spin) { IsBackground = true, Name = "NeuroLc.Bench slowed core" };
        _thread.Start();
    }

    /// <summary>Stops the loop.</summary>
    public void Dispose()
    {
        _stop = true;
        _thread.Join();
    }

    private void Spin()
    {
        if (OperatingSystem.IsLinux())
        {
            // Given this thread's kernel id, both calls act on this thread alone.
            int thread = GetThreadId();
            SetPriority(PriorityOfProcess, thread, LowestPriority);
            ulong lastCpu = 1UL << (Math.Min(Environment.ProcessorCount, 64) - 1);
            SetAffinity(thread, sizeof(ulong), ref lastCpu);
        }

        long spins = 0;
        while (!_stop)
        {
            spins++;
        }

        GC.KeepAlive(spins);
    }

    [LibraryImport("libc", EntryPoint = "gettid")]
    private static partial int GetThreadId();

    [LibraryImport("libc", EntryPoint = "setpriority")]
    private static partial int SetPriority(int which, int who, int priority);

    [LibraryImport("libc", EntryPoint = "sched_setaffinity")]
    private static partial int SetAffinity(int thread, nint maskBytes, ref ulong mask);
}

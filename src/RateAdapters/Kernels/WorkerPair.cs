using System.Runtime.ExceptionServices;

namespace NeuroLc.RateAdapters.Kernels;

/// <summary>
/// Work split in two fixed halves: part 0 runs on the calling thread, part 1 on one dedicated worker thread.
/// With one thread both parts run on the caller, in order, so results never depend on the thread count as long as
/// each part writes a disjoint, fixed range.
/// </summary>
internal sealed class WorkerPair : IDisposable
{
    private readonly Thread? _thread;
    private readonly object _gate = new();
    private Action<int>? _work;
    private int _generation;
    private int _completed;
    private int _sleeping;
    private volatile bool _disposed;
    private Exception? _workerError;

    /// <summary>Creates the pair; <paramref name="threads"/> ≥ 2 starts the worker thread.</summary>
    public WorkerPair(int threads)
    {
        Threads = threads >= 2 ? 2 : 1;
        if (Threads == 2)
        {
            _thread = new Thread(WorkerLoop) { IsBackground = true, Name = "NeuroLc.RateAdapters worker" };
            _thread.Start();
        }
    }

    /// <summary>1 or 2.</summary>
    public int Threads { get; }

    /// <summary>Runs <c>work(0)</c> and <c>work(1)</c>, concurrently when two threads are available.</summary>
    public void Run(Action<int> work)
    {
        if (_thread is null)
        {
            work(0);
            work(1);
            return;
        }

        _work = work;
        int generation = Interlocked.Increment(ref _generation);
        if (Volatile.Read(ref _sleeping) != 0)
        {
            lock (_gate)
            {
                Monitor.PulseAll(_gate);
            }
        }

        Exception? ownError = null;
        try
        {
            work(0);
        }
        catch (Exception ex)
        {
            // The worker's part is still running on shared state: wait for it before reporting.
            ownError = ex;
        }

        var spinner = new SpinWait();
        while (Volatile.Read(ref _completed) != generation)
        {
            // Never yields to Sleep(1): the worker's part is microseconds long.
            spinner.SpinOnce(sleep1Threshold: -1);
        }

        _work = null;
        if (ownError is not null)
        {
            _workerError = null;
            ExceptionDispatchInfo.Throw(ownError);
        }

        if (_workerError is { } error)
        {
            _workerError = null;
            throw new InvalidOperationException("The worker thread failed.", error);
        }
    }

    private void WorkerLoop()
    {
        int seen = 0;
        while (true)
        {
            // Spin briefly (successive kernels follow each other within microseconds), then block.
            // SpinOnce yields the core now and then, so a loaded machine is not starved by the wait.
            long deadline = Environment.TickCount64 + 2;
            var spinner = new SpinWait();
            while (Volatile.Read(ref _generation) == seen && !_disposed && Environment.TickCount64 <= deadline)
            {
                spinner.SpinOnce(sleep1Threshold: -1);
            }

            if (Volatile.Read(ref _generation) == seen && !_disposed)
            {
                lock (_gate)
                {
                    Interlocked.Exchange(ref _sleeping, 1);
                    while (Volatile.Read(ref _generation) == seen && !_disposed)
                    {
                        Monitor.Wait(_gate);
                    }

                    Interlocked.Exchange(ref _sleeping, 0);
                }
            }

            if (_disposed)
            {
                return;
            }

            seen = Volatile.Read(ref _generation);
            try
            {
                _work!(1);
            }
            catch (Exception ex)
            {
                _workerError = ex;
            }

            Volatile.Write(ref _completed, seen);
        }
    }

    /// <summary>Stops the worker thread.</summary>
    public void Dispose()
    {
        if (_thread is null || _disposed)
        {
            return;
        }

        _disposed = true;
        lock (_gate)
        {
            Monitor.PulseAll(_gate);
        }

        _thread.Join();
    }
}

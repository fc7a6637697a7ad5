using NeuroLc.RateAdapters.Kernels;

namespace NeuroLc.RateAdapters.Tests.Kernels;

public sealed class WorkerPairTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Both_parts_run_once_per_call(int threads)
    {
        using var pair = new WorkerPair(threads);
        int[] runs = new int[2];
        for (int i = 0; i < 100; i++)
        {
            pair.Run(part => Interlocked.Increment(ref runs[part]));
        }

        Assert.Equal([100, 100], runs);
    }

    [Fact]
    public void A_failing_caller_part_is_reported_only_after_the_worker_part_has_finished()
    {
        // The lanes of a training step share state: the caller must not leave while the worker still writes it.
        using var pair = new WorkerPair(2);
        int workerDone = 0;
        var error = Assert.Throws<ArithmeticException>(() => pair.Run(part =>
        {
            if (part == 0)
            {
                throw new ArithmeticException("lane 0");
            }

            Thread.Sleep(50);
            Volatile.Write(ref workerDone, 1);
        }));

        Assert.Equal("lane 0", error.Message);
        Assert.Equal(1, Volatile.Read(ref workerDone));
        int[] runs = new int[2];
        pair.Run(part => runs[part]++);
        Assert.Equal([1, 1], runs);
    }

    [Fact]
    public void A_failing_worker_part_is_rethrown_on_the_caller()
    {
        using var pair = new WorkerPair(2);
        var error = Assert.Throws<InvalidOperationException>(() => pair.Run(part =>
        {
            if (part == 1)
            {
                throw new ArithmeticException("lane 1");
            }
        }));

        Assert.IsType<ArithmeticException>(error.InnerException);
    }
}

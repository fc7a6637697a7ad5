using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NeuroLc.RateAdapters.Training;

/// <summary>
/// The arrays that hold a dataset's inputs. A training step reads 100 examples at random from them (Fashion-MNIST's
/// 188 MB, HIGGS's gigabytes): with 4 KB pages nearly every example's row costs a page walk, twice per step (forward
/// pass and the first layer's update). A large array is therefore allocated pinned and, on Linux, advised to use
/// transparent huge pages (<c>madvise(MADV_HUGEPAGE)</c>) before anything touches it, so the kernel backs it with
/// 2 MB pages when the host allows it (<c>/sys/kernel/mm/transparent_hugepage/enabled</c> set to always or madvise).
/// A Figure 7 step reading its rows at random from Fashion-MNIST took 2–4 % less (lower quartile and median, four
/// runs alternating blocks of steps against the same data on 4 KB pages). Where the advice is refused or unknown, the
/// array is an ordinary one.
/// </summary>
internal static partial class DatasetArrays
{
    /// <summary>Arrays smaller than this are allocated as usual (the page walks of a few MB are cheap).</summary>
    private const long HugePageMinimumBytes = 8L << 20;

    private const int MadviseHugePage = 14;

    /// <summary>A zeroed float array of <paramref name="length"/> elements, on huge pages where the host allows.</summary>
    public static float[] Floats(long length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        if (length * sizeof(float) < HugePageMinimumBytes || !OperatingSystem.IsLinux())
        {
            return new float[length];
        }

        float[] array = GC.AllocateUninitializedArray<float>(checked((int)length), pinned: true);
        AdviseHugePages(array);
        // Zeroed after the advice: the first touch of each page is what decides its size.
        Array.Clear(array);
        return array;
    }

    private static unsafe void AdviseHugePages(float[] array)
    {
        const long page = 4096;
        long start = (long)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(array));
        long end = start + ((long)array.Length * sizeof(float));
        long alignedStart = (start + page - 1) & ~(page - 1);
        long alignedEnd = end & ~(page - 1);
        if (alignedEnd <= alignedStart)
        {
            return;
        }

        try
        {
            // A hint only: a refusal (an old kernel, huge pages switched off) leaves ordinary pages.
            _ = Madvise((nint)alignedStart, (nuint)(alignedEnd - alignedStart), MadviseHugePage);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // No C library to ask: ordinary pages.
        }
    }

    [LibraryImport("libc", EntryPoint = "madvise")]
    private static partial int Madvise(nint address, nuint length, int advice);
}

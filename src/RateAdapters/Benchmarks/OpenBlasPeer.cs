using System.Runtime.InteropServices;

namespace NeuroLc.RateAdapters.Benchmarks;

/// <summary>
/// OpenBLAS's <c>cblas_sgemm</c>, loaded into this process, so <see cref="SgemmBench"/> can time the peer's trials
/// alternately with its own on the same operands. On a shared machine whose speed moves by half within seconds, two
/// separate processes run minutes apart compare the host's moods, not the libraries; trials taken in turn face the
/// same host. The library is found at a given path (Debian's libopenblas0-pthread by default) and never unloaded.
/// </summary>
public sealed unsafe partial class OpenBlasPeer
{
    /// <summary>Where Debian's libopenblas0-pthread installs the library.</summary>
    public const string DefaultPath = "/usr/lib/x86_64-linux-gnu/openblas-pthread/libopenblas.so.0";

    /// <summary>
    /// The kernels ../shared/peers/README.md selects: OpenBLAS 0.3.21 does not recognise this machine's CPU and
    /// would otherwise fall back to older kernels.
    /// </summary>
    public const string DefaultCoreType = "SkylakeX";

    private const int RowMajor = 101;
    private const int NoTrans = 111;
    private const int Trans = 112;

    private readonly delegate* unmanaged<int, int, int, int, int, int, float, float*, int, float*, int, float, float*, int, void> _sgemm;

    private OpenBlasPeer(nint library, int threads)
    {
        _sgemm = (delegate* unmanaged<int, int, int, int, int, int, float, float*, int, float*, int, float, float*, int, void>)
            NativeLibrary.GetExport(library, "cblas_sgemm");
        var setThreads = (delegate* unmanaged<int, void>)NativeLibrary.GetExport(library, "openblas_set_num_threads");
        setThreads(threads);
        var coreName = (delegate* unmanaged<sbyte*>)NativeLibrary.GetExport(library, "openblas_get_corename");
        var config = (delegate* unmanaged<sbyte*>)NativeLibrary.GetExport(library, "openblas_get_config");
        Description = $"OpenBLAS {new string(config()).Trim()} core {new string(coreName())}";
        Threads = threads;
    }

    /// <summary>Library configuration and the kernels in use, e.g. "OpenBLAS OpenBLAS 0.3.21 DYNAMIC_ARCH … core SkylakeX".</summary>
    public string Description { get; }

    /// <summary>Threads OpenBLAS was told to use.</summary>
    public int Threads { get; }

    /// <summary>
    /// Loads OpenBLAS from <paramref name="path"/> and sets its thread count. <paramref name="coreType"/>, when given
    /// and OPENBLAS_CORETYPE is not already set, is put into the process environment first (the library reads it once,
    /// when it is loaded).
    /// </summary>
    /// <exception cref="FileNotFoundException">The library is not at <paramref name="path"/> or is not OpenBLAS.</exception>
    public static OpenBlasPeer Load(string path, int threads, string? coreType = DefaultCoreType)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"OpenBLAS not found at '{path}': install libopenblas0-pthread (Debian) or pass the library's path.", path);
        }

        if (coreType is not null && OperatingSystem.IsLinux() && Environment.GetEnvironmentVariable("OPENBLAS_CORETYPE") is null)
        {
            // Environment.SetEnvironmentVariable changes only .NET's own copy; the library's getenv reads the C one.
            SetEnvironment("OPENBLAS_CORETYPE", coreType, 0);
        }

        if (!NativeLibrary.TryLoad(path, out nint library))
        {
            throw new FileNotFoundException($"'{path}' could not be loaded as a native library.", path);
        }

        if (!NativeLibrary.TryGetExport(library, "openblas_get_corename", out _))
        {
            throw new FileNotFoundException($"'{path}' is not OpenBLAS (it has no openblas_get_corename).", path);
        }

        return new OpenBlasPeer(library, threads);
    }

    /// <summary>C ← α·op(A)·op(B) + β·C, row-major, exactly the arguments of <see cref="Kernels.Sgemm.Multiply(bool, bool, int, int, int, float, ReadOnlySpan{float}, int, ReadOnlySpan{float}, int, float, Span{float}, int)"/>.</summary>
    public void Multiply(bool transposeA, bool transposeB, int m, int n, int k, float alpha, float* a, int lda, float* b, int ldb,
        float beta, float* c, int ldc) =>
        _sgemm(RowMajor, transposeA ? Trans : NoTrans, transposeB ? Trans : NoTrans, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnvironment(string name, string value, int overwrite);
}

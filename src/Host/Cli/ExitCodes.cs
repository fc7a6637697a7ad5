namespace NeuroLc.Host.Cli;

/// <summary>Process exit codes: 0 success (also a run stopped cleanly by a signal), 1 a failed run, 2 bad usage or input.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int Failed = 1;
    public const int BadInput = 2;
}

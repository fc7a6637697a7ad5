using System.Runtime.InteropServices;

namespace NeuroLc.Host.Cli;

/// <summary>
/// Turns SIGTERM and SIGINT (Ctrl-C) into a cancellation request instead of process termination, so the training
/// loop can finish its minibatch, checkpoint and exit 0.
/// </summary>
public sealed class StopSignal : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly PosixSignalRegistration[] _registrations;

    public StopSignal()
    {
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle),
            PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle),
        ];
    }

    public CancellationToken Token => _source.Token;

    public void Dispose()
    {
        foreach (PosixSignalRegistration registration in _registrations)
        {
            registration.Dispose();
        }
        _source.Dispose();
    }

    private void Handle(PosixSignalContext context)
    {
        // Cancel = true keeps the runtime from terminating the process; the loop stops at the next minibatch boundary.
        context.Cancel = true;
        _source.Cancel();
    }
}

using System.Runtime.InteropServices;

namespace Lantern.Bench.KillFlood;

/// <summary>
/// What the run started and must stop if it is itself stopped (SIGTERM from a timeout, Ctrl+C): the Lantern process and
/// the private PostgreSQL cluster would otherwise outlive it, holding their ports. AppDomain.ProcessExit is not enough:
/// measured, a SIGTERM left both running.
/// </summary>
internal static class Teardown
{
    private static readonly List<IDisposable> _owned = [];
    private static readonly ManualResetEventSlim _stopped = new();
    private static volatile bool _stopping;
    private static readonly PosixSignalRegistration[] _signals =
    [
        PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop),
        PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop),
        PosixSignalRegistration.Create(PosixSignal.SIGHUP, Stop),
    ];

    public static void Register(IDisposable owned)
    {
        lock (_owned)
        {
            _ = _signals.Length; // the handlers are installed with the first registration
            _owned.Add(owned);
        }
    }

    public static void Unregister(IDisposable owned)
    {
        lock (_owned)
        {
            _owned.Remove(owned);
        }
    }

    /// <summary>
    /// Called as Main ends: if a signal's teardown is under way (killing Lantern makes the run fail and return), waits for
    /// it, which ends the process, instead of ending the process under it with the cluster still running.
    /// </summary>
    public static void AwaitStop()
    {
        if (_stopping)
        {
            _stopped.Wait();
        }
    }

    private static void Stop(PosixSignalContext context)
    {
        context.Cancel = true;
        _stopping = true;
        IDisposable[] owned;
        lock (_owned)
        {
            owned = [.. _owned];
            _owned.Clear();
        }

        foreach (var item in owned.Reverse())
        {
            try
            {
                item.Dispose();
            }
            catch (Exception exception) when (exception is InvalidOperationException or IOException or System.ComponentModel.Win32Exception)
            {
                Console.Error.WriteLine($"KILLFLOOD teardown: {exception.Message}");
            }
        }

        Console.WriteLine($"KILLFLOOD BROKEN: stopped by {context.Signal}");
        Environment.Exit(128 + context.Signal switch { PosixSignal.SIGINT => 2, PosixSignal.SIGHUP => 1, _ => 15 });
    }
}

namespace Lantern.Web.Platform.Mail;

/// <summary>
/// Wakes the outbox sender at once after a mail was saved, so nobody waits for the next poll. Waking is
/// only a hint: the sender reads the outbox table, so a lost signal costs at most one poll interval.
/// </summary>
public sealed class MailOutboxSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Wake()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken: one pending wake-up is enough, the sender reads every due mail.
        }
    }

    public void Dispose() => _signal.Dispose();

    /// <summary>Waits for a wake-up or the timeout, whichever comes first.</summary>
    internal Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}

using MailKit;

namespace Lantern.Web.Platform.Mail;

/// <summary>
/// Sends the mail outbox: reads the due mails, sends each over SMTP, marks it sent; on failure counts the
/// attempt, keeps the error (never the mail's content) and tries again later, after a growing wait. Wakes
/// on <see cref="MailOutboxSignal"/> or every poll interval. Logs name mails by id only: no address, no body.
/// </summary>
internal sealed partial class OutboxSender(
    IServiceScopeFactory scopes,
    SmtpTransport transport,
    MailOutboxSignal signal,
    TimeProvider clock,
    IOptions<LanternOptions> lantern,
    ILogger<OutboxSender> logger) : BackgroundService
{
    private const int BatchSize = 20;

    /// <summary>How long a claimed mail is left to its sender before another process may try it (a sender that died).</summary>
    private static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(5);
    private bool _warnedNoHost;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Mails announce back-office changes: the public-facing intake process never sends, so that a split
        // deployment (Intake + Staff on one database) has one sender and no mail goes out twice.
        if (lantern.Value.Role == LanternRole.Intake)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                wait = await SendDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Whatever went wrong (database briefly unavailable, a bug), the mails are still in the outbox: log,
                // wait, try again. A failing sender must never stop the host, i.e. the public site.
                LogOutboxUnreadable(logger, exception.GetType().Name);
                wait = transport.Options.PollInterval;
            }

            try
            {
                await signal.WaitAsync(wait, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Sends what is due and says how long to sleep before the next look.</summary>
    internal async Task<TimeSpan> SendDueAsync(CancellationToken cancellationToken)
    {
        var options = transport.Options;
        if (string.IsNullOrWhiteSpace(options.Host))
        {
            if (!_warnedNoHost)
            {
                _warnedNoHost = true;
                LogNoHost(logger);
            }

            return options.PollInterval;
        }

        await using var scope = scopes.CreateAsyncScope();
        // The application's context, registered as DbContext by the core (Platform names no core type).
        var db = scope.ServiceProvider.GetRequiredService<DbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Set<OutboxMail>()
            .Where(m => m.SentAt == null && m.NextAttemptAt <= now)
            .OrderBy(m => m.NextAttemptAt)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        if (due.Count > 0)
        {
            await SendBatchAsync(db, due, cancellationToken);
        }

        var next = await db.Set<OutboxMail>().Where(m => m.SentAt == null).OrderBy(m => m.NextAttemptAt)
            .Select(m => (DateTime?)m.NextAttemptAt).FirstOrDefaultAsync(cancellationToken);
        if (due.Count == BatchSize)
        {
            return TimeSpan.Zero;
        }

        var untilNext = next is { } at ? at - clock.GetUtcNow().UtcDateTime : options.PollInterval;
        return untilNext < TimeSpan.Zero ? TimeSpan.Zero : untilNext < options.PollInterval ? untilNext : options.PollInterval;
    }

    private async Task SendBatchAsync(DbContext db, List<OutboxMail> due, CancellationToken cancellationToken)
    {
        MailKit.Net.Smtp.SmtpClient? client = null;
        try
        {
            foreach (var mail in due)
            {
                if (!await ClaimAsync(db, mail, cancellationToken))
                {
                    continue;
                }

                try
                {
                    client ??= await transport.ConnectAsync(cancellationToken);
                    await transport.SendAsync(client, mail, cancellationToken);
                    mail.SentAt = clock.GetUtcNow().UtcDateTime;
                    mail.LastError = null;
                    mail.Attempts++;
                    LogSent(logger, mail.Id, mail.Attempts);
                }
                catch (Exception exception) when (IsSendFailure(exception))
                {
                    Fail(mail, exception);
                    if (client is { IsConnected: false })
                    {
                        client.Dispose();
                        client = null;
                    }
                }

                // Saved per mail, so a crash never sends a mail twice because its "sent" was not stored.
                await db.SaveChangesAsync(cancellationToken);
            }

            if (client is { IsConnected: true })
            {
                await client.DisconnectAsync(quit: true, cancellationToken);
            }
        }
        catch (Exception exception) when (IsSendFailure(exception))
        {
            // The goodbye failed: every mail is already marked; nothing to undo.
        }
        finally
        {
            client?.Dispose();
        }
    }

    /// <summary>
    /// Takes the mail for this sender: its next attempt moves a lease ahead, on condition that it is still the one
    /// read. Another back-office process on the same database that read the same mail then finds it taken and
    /// skips it, so a mail is never sent twice; if this process dies while sending, the mail is tried again once
    /// the lease has passed, so it is never lost either.
    /// </summary>
    private async Task<bool> ClaimAsync(DbContext db, OutboxMail mail, CancellationToken cancellationToken)
    {
        var seen = mail.NextAttemptAt;
        var lease = clock.GetUtcNow().UtcDateTime + ClaimLease;
        var claimed = await db.Set<OutboxMail>().Where(m => m.Id == mail.Id && m.SentAt == null && m.NextAttemptAt == seen)
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.NextAttemptAt, lease), cancellationToken);
        if (claimed == 0)
        {
            db.Entry(mail).State = EntityState.Detached;
            return false;
        }

        var entry = db.Entry(mail).Property(m => m.NextAttemptAt);
        entry.CurrentValue = lease;
        entry.OriginalValue = lease;
        return true;
    }

    private void Fail(OutboxMail mail, Exception exception)
    {
        mail.Attempts++;
        var wait = transport.Options.Backoff(mail.Attempts);
        mail.NextAttemptAt = clock.GetUtcNow().UtcDateTime + wait;

        // The exception's type and message only: MailKit's messages name the server and the SMTP reply, not the mail.
        var error = $"{exception.GetType().Name}: {exception.Message}";
        mail.LastError = error.Length > 500 ? error[..500] : error;
        LogFailed(logger, mail.Id, mail.Attempts, exception.GetType().Name, wait);
    }

    private static bool IsSendFailure(Exception exception) =>
        exception is IOException or System.Net.Sockets.SocketException or MailKit.Net.Smtp.SmtpCommandException
            or MailKit.Net.Smtp.SmtpProtocolException or ServiceNotConnectedException or ServiceNotAuthenticatedException
            or MailKit.Security.AuthenticationException or System.Security.Authentication.AuthenticationException
            or ProtocolException or TimeoutException or FormatException or MimeKit.ParseException
            or OperationCanceledException { CancellationToken.IsCancellationRequested: false };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lantern:Mail:Host is not set: mails stay in the outbox until an SMTP server is configured.")]
    private static partial void LogNoHost(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail {MailId} sent (attempt {Attempts}).")]
    private static partial void LogSent(ILogger logger, Guid mailId, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail {MailId} not sent (attempt {Attempts}, {Error}); next try in {Wait}.")]
    private static partial void LogFailed(ILogger logger, Guid mailId, int attempts, string error, TimeSpan wait);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The mail outbox could not be read ({Error}); trying again later.")]
    private static partial void LogOutboxUnreadable(ILogger logger, string error);
}

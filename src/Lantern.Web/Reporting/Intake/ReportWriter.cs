using System.Threading.Channels;
using Lantern.Web.Platform.Persistence;

namespace Lantern.Web.Reporting.Intake;

/// <summary>
/// Writes prepared reports durably, each one whole or not at all.
/// On SQLite, which has one writer at a time, submissions arriving together are written together:
/// one writer takes every report already waiting (up to <see cref="MaxBatch"/>), saves them in one
/// transaction with one fsync, and answers each submission when its report is on disk (group commit).
/// It never waits for more reports to arrive, so a lone report is written at once. If a batch fails
/// (a reference collided), its reports are written one by one so only the culprit fails. On PostgreSQL,
/// which has its own group commit, each submission writes directly.
/// </summary>
public sealed class ReportWriter : IAsyncDisposable
{
    public const int MaxBatch = 32;

    private readonly IServiceScopeFactory _scopes;
    private readonly AuditTrail _audit;
    private readonly ILogger<ReportWriter> _logger;
    private readonly Channel<PendingReport>? _queue;
    private readonly Task? _loop;

    public ReportWriter(IServiceScopeFactory scopes, AuditTrail audit, IOptions<DatabaseOptions> database, ILogger<ReportWriter> logger)
    {
        _scopes = scopes;
        _audit = audit;
        _logger = logger;
        if (database.Value.Provider == DatabaseProvider.Sqlite)
        {
            _queue = Channel.CreateUnbounded<PendingReport>(new UnboundedChannelOptions { SingleReader = true });
            _loop = Task.Run(RunAsync);
        }
    }

    /// <summary>
    /// Completes when the report is committed; throws what the database threw otherwise. Once queued the
    /// write goes ahead even if the caller gives up, so a report is never half-known. <paramref name="audited"/>
    /// stages the report's audit entry (a report recorded by staff) in the same transaction.
    /// </summary>
    public Task SaveAsync(Report report, IReadOnlyList<object> rows, CancellationToken cancellationToken, Action<LanternDbContext>? audited = null)
    {
        if (_queue is null)
        {
            return SaveOneAsync(new PendingReport(report, rows, audited), cancellationToken);
        }

        var pending = new PendingReport(report, rows, audited);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("Lantern is shutting down: the report was not stored.");
        }

        return pending.Done.Task;
    }

    public async ValueTask DisposeAsync()
    {
        if (_queue is not null && _loop is not null)
        {
            // Let every report already accepted reach the disk before the process ends.
            _queue.Writer.TryComplete();
            await _loop;
        }
    }

    private async Task RunAsync()
    {
        var reader = _queue!.Reader;
        var batch = new List<PendingReport>(MaxBatch);
        while (await reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            await WriteBatchAsync(batch);
        }
    }

    private async Task WriteBatchAsync(List<PendingReport> batch)
    {
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
            foreach (var pending in batch)
            {
                Add(db, pending);
            }

            await SaveAsync(db, batch.Any(p => p.Audited is not null), CancellationToken.None);
            foreach (var pending in batch)
            {
                pending.Done.TrySetResult();
            }

            return;
        }
        catch (Exception exception) when (batch.Count == 1)
        {
            batch[0].Done.TrySetException(exception);
            return;
        }
        catch (Exception exception)
        {
            _logger.LogWarning("A batch of {Count} reports failed ({Error}); writing them one by one.", batch.Count, exception.GetType().Name);
        }

        foreach (var pending in batch)
        {
            try
            {
                await SaveOneAsync(pending, CancellationToken.None, afterFailedBatch: true);
                pending.Done.TrySetResult();
            }
            catch (Exception exception)
            {
                pending.Done.TrySetException(exception);
            }
        }
    }

    private async Task SaveOneAsync(PendingReport pending, CancellationToken cancellationToken, bool afterFailedBatch = false)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        if (afterFailedBatch)
        {
            ResetGeneratedKeys(db, pending);
        }

        Add(db, pending);
        await SaveAsync(db, pending.Audited is not null, cancellationToken);
    }

    /// <summary>Reports with an audit entry are saved through the audit trail (which chains the entry, uncancellable); others directly.</summary>
    private Task SaveAsync(LanternDbContext db, bool audited, CancellationToken cancellationToken) =>
        audited ? _audit.SaveAsync(db) : db.SaveChangesAsync(cancellationToken);

    private static void Add(LanternDbContext db, PendingReport pending)
    {
        db.Reports.Add(pending.Report);
        db.AddRange(pending.Rows);
        pending.Audited?.Invoke(db);
    }

    /// <summary>Database-generated keys a failed attempt may have left on the rows.</summary>
    private static void ResetGeneratedKeys(LanternDbContext db, PendingReport pending)
    {
        foreach (var row in pending.Report.Items.Concat(pending.Rows))
        {
            GeneratedKeys.Clear(db, row);
        }
    }

    private sealed record PendingReport(Report Report, IReadOnlyList<object> Rows, Action<LanternDbContext>? Audited)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

using Lantern.Web.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Web.Audit;

/// <summary>
/// Appends entries to the hash-chained audit trail. Appends are serialised in this process, and the
/// unique sequence number makes a concurrent append from another process fail and retry rather than
/// fork the chain.
/// </summary>
public sealed class AuditTrail(IServiceScopeFactory scopes, TimeProvider clock) : IDisposable
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private (long Sequence, byte[] Hash)? _last;

    public async Task AppendAsync(string actor, string action, string record = "", string detail = "", CancellationToken cancellationToken = default)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            while (true)
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
                var last = _last ?? await ReadLastAsync(db, cancellationToken);
                var now = clock.GetUtcNow().UtcDateTime;
                var entry = new AuditEntry
                {
                    Sequence = last.Sequence + 1,
                    At = new DateTime(now.Ticks - (now.Ticks % 10), DateTimeKind.Utc),
                    Actor = Truncate(actor, 64),
                    Action = Truncate(action, 64),
                    Record = Truncate(record, 64),
                    Detail = Truncate(detail, 500),
                    PreviousHash = last.Hash,
                    Hash = [],
                };
                entry.Hash = AuditHash.Compute(entry);
                db.AuditEntries.Add(entry);
                try
                {
                    await db.SaveChangesAsync(CancellationToken.None);
                    _last = (entry.Sequence, entry.Hash);
                    return;
                }
                catch (DbUpdateException exception) when (DatabaseErrors.IsUniqueViolation(exception))
                {
                    // Another process appended first: read the new end of the chain and try again.
                    _last = null;
                }
            }
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Dispose() => _lock.Dispose();

    private static async Task<(long Sequence, byte[] Hash)> ReadLastAsync(LanternDbContext db, CancellationToken cancellationToken)
    {
        var last = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(cancellationToken);
        return last is null ? (0, AuditHash.Genesis) : (last.Sequence, last.Hash);
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}

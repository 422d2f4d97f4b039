using Lantern.Web.Platform.Crypto;
using Microsoft.EntityFrameworkCore.Storage;

namespace Lantern.Web.Core.Audit;

/// <summary>
/// Appends entries to the hash-chained audit trail in the caller's own DbContext, so that a change and
/// its entry are saved in one transaction: both or neither. <see cref="Add"/> stages an entry beside the
/// caller's pending changes; <see cref="SaveAsync"/> saves them all. The chain is extended inside that
/// transaction while it holds the chain's lock (PostgreSQL: a transaction-scoped advisory lock; SQLite:
/// the write lock every transaction takes at <c>BEGIN IMMEDIATE</c>), so concurrent appends from any
/// number of processes queue instead of forking the chain. Saving is never cancelled: once a change is
/// being saved, a client that disconnects cannot leave it without its entry.
/// </summary>
public sealed class AuditTrail(KeyRing keys, TimeProvider clock)
{
    /// <summary>The PostgreSQL advisory lock of the chain (any constant; "LANTAUDT" in ASCII).</summary>
    private const long ChainLock = 0x4C414E5441554454;

    private static long _staged;

    /// <summary>Stages an entry in <paramref name="db"/>; it is chained and written by <see cref="SaveAsync"/>.</summary>
    public void Add(LanternDbContext db, string actor, string action, string record = "", string detail = "")
    {
        if (keys.AuditKey is null)
        {
            throw new InvalidOperationException("This process has no audit key (Lantern:Role Intake): it cannot write to the audit trail.");
        }

        db.AuditEntries.Add(new AuditEntry
        {
            Actor = Truncate(actor, 64),
            Action = Truncate(action, 64),
            Record = Truncate(record, 64),
            Detail = Truncate(detail, 500),
            PreviousHash = [],
            Hash = [],
            Format = AuditFormat.HmacSha256,
            StagedOrder = Interlocked.Increment(ref _staged),
        });
    }

    /// <summary>Stages an entry and saves it with whatever else <paramref name="db"/> holds.</summary>
    public Task RecordAsync(LanternDbContext db, string actor, string action, string record = "", string detail = "")
    {
        Add(db, actor, action, record, detail);
        return SaveAsync(db);
    }

    /// <summary>
    /// Starts a transaction for a change made outside the change tracker (a conditional
    /// <c>ExecuteUpdate</c>) whose entry must be saved with it. The chain's lock is taken first, before
    /// any row lock, so two such transactions can never wait for each other in opposite order.
    /// </summary>
    public async Task<IDbContextTransaction> BeginTransactionAsync(LanternDbContext db, CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await LockChainAsync(db, cancellationToken);
            return transaction;
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Saves <paramref name="db"/>'s pending changes and staged entries in one transaction (the caller's,
    /// when one is open: then it commits, not this). Deliberately not cancellable.
    /// </summary>
    public async Task SaveAsync(LanternDbContext db)
    {
        var none = CancellationToken.None;
        var owned = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(none) : null;
        try
        {
            await LockChainAsync(db, none);
            await ChainStagedAsync(db);
            await db.SaveChangesAsync(acceptAllChangesOnSuccess: owned is null, none);
            if (owned is not null)
            {
                await owned.CommitAsync(none);
                db.ChangeTracker.AcceptAllChanges();
            }
        }
        catch
        {
            // Nothing was written: the entries lose their place, so only another SaveAsync can save them.
            foreach (var staged in db.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added))
            {
                staged.Entity.Hash = [];
            }

            throw;
        }
        finally
        {
            if (owned is not null)
            {
                await owned.DisposeAsync();
            }
        }
    }

    private static async Task LockChainAsync(LanternDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            // Held until the transaction ends; taking it again in the same transaction is harmless.
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({ChainLock})", cancellationToken);
        }

        // SQLite: Microsoft.Data.Sqlite begins every transaction IMMEDIATE, so this transaction already is the only writer.
    }

    /// <summary>Gives the staged entries their place in the chain, after the last entry committed (or written earlier in this transaction).</summary>
    private async Task ChainStagedAsync(LanternDbContext db)
    {
        var staged = db.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added)
            .Select(e => e.Entity).OrderBy(e => e.StagedOrder).ToList();
        if (staged.Count == 0)
        {
            return;
        }

        var last = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(CancellationToken.None);
        var (sequence, previous) = last is null ? (0, AuditHash.Genesis) : (last.Sequence, last.Hash);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var entry in staged)
        {
            entry.Sequence = ++sequence;
            entry.At = new DateTime(now.Ticks - (now.Ticks % 10), DateTimeKind.Utc);
            entry.PreviousHash = previous;
            entry.Hash = AuditHash.Compute(entry, keys.AuditKey)!;
            previous = entry.Hash;
        }
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}

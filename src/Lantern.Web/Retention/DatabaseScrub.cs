using System.Data;

namespace Lantern.Web.Retention;

/// <summary>
/// Makes the database let go of the bytes of deleted rows. SQLite: every connection runs with
/// <c>secure_delete</c> (<c>Platform/Persistence/SqlitePragmas</c>; <see cref="SecureDeleteAsync"/> says so again on
/// the erasing connection, so erasure never depends on a default), which zeroes a deleted row's cells and freed
/// pages; what remains are the older page images in the write-ahead log, and the database file's own pages until
/// the log is copied over them: <c>wal_checkpoint(TRUNCATE)</c> does both and empties the log. PostgreSQL: a
/// <c>VACUUM</c> of the tables that hold a report's rows, so dead row versions are pruned rather than left until
/// autovacuum comes by; PostgreSQL's own write-ahead log, archives and standbys keep the bytes until they are
/// recycled (docs/SECURITY.md): that is what destroying the keys first is for.
/// </summary>
public sealed partial class DatabaseScrub(ILogger<DatabaseScrub> logger)
{
    /// <summary>A checkpoint after an erasure could not finish: the next run retries it even when it erases nothing.</summary>
    private volatile bool _unfinished;

    /// <summary>Turns on <c>secure_delete</c> for <paramref name="db"/>'s connection (SQLite; nothing on PostgreSQL).</summary>
    public static async Task SecureDeleteAsync(LanternDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA secure_delete=ON", cancellationToken);
        }
    }

    /// <summary>Scrubs again when an earlier scrub could not finish; nothing otherwise.</summary>
    public Task RetryUnfinishedAsync(LanternDbContext db, CancellationToken cancellationToken) =>
        _unfinished ? ScrubAsync(db, cancellationToken) : Task.CompletedTask;

    /// <summary>True when the bytes of what was deleted left the database files (SQLite) or the vacuum ran (PostgreSQL).</summary>
    public async Task<bool> ScrubAsync(LanternDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            return await CheckpointAsync(db, cancellationToken);
        }

        // VACUUM cannot run inside a transaction, and one statement for all the tables is one pass.
        var tables = ReportTables(db).Select(t => "\"" + t.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"");
#pragma warning disable EF1003 // table names cannot be parameters: they come from the model, quoted
        await db.Database.ExecuteSqlRawAsync("VACUUM " + string.Join(", ", tables), cancellationToken);
#pragma warning restore EF1003
        return true;
    }

    /// <summary>
    /// The tables that hold rows of a report: the reports' own and every table with a foreign key to it, read from the
    /// model, so a capability that adds such a table is vacuumed without being named here.
    /// </summary>
    public static IReadOnlyList<string> ReportTables(LanternDbContext db) =>
        [.. db.Model.GetEntityTypes()
            .Where(t => t.ClrType == typeof(Report) || t.GetForeignKeys().Any(k => k.PrincipalEntityType.ClrType == typeof(Report)))
            .Select(t => t.GetTableName())
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];

    private async Task<bool> CheckpointAsync(LanternDbContext db, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            // One row: busy (1 when a reader or writer kept the checkpoint from finishing), frames in the log, frames copied.
            var busy = await reader.ReadAsync(cancellationToken) && reader.GetInt64(0) != 0;
            if (busy)
            {
                LogCheckpointBusy(logger);
            }

            _unfinished = busy;

            return !busy;
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The write-ahead log could not be emptied after an erasure (another connection was reading); the next retention run tries again.")]
    private static partial void LogCheckpointBusy(ILogger logger);
}

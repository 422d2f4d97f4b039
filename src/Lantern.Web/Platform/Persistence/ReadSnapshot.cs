using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Lantern.Web.Platform.Persistence;

/// <summary>
/// A read-only transaction in which every statement sees one view of the database: REPEATABLE READ on PostgreSQL; on
/// SQLite a <em>deferred</em> transaction (in WAL mode, the view of its first read). Not <c>BeginTransactionAsync</c> on
/// SQLite: Microsoft.Data.Sqlite begins those IMMEDIATE, which would hold the write lock, and so stop intake, for as long
/// as the reads take. Disposing it ends the transaction (nothing was written, so nothing is committed).
/// </summary>
public sealed class ReadSnapshot : IAsyncDisposable
{
    private readonly DatabaseFacade _database;
    private readonly IDbContextTransaction _transaction;
    private readonly DbTransaction? _sqliteTransaction;

    private ReadSnapshot(DatabaseFacade database, IDbContextTransaction transaction, DbTransaction? sqliteTransaction)
    {
        (_database, _transaction, _sqliteTransaction) = (database, transaction, sqliteTransaction);
    }

    /// <summary>Begins one, or answers null when <paramref name="db"/> is already in a transaction (whose view the reads then share).</summary>
    public static async Task<ReadSnapshot?> BeginAsync(DbContext db, CancellationToken cancellationToken)
    {
        var database = db.Database;
        if (database.CurrentTransaction is not null)
        {
            return null;
        }

        if (database.IsNpgsql())
        {
            return new ReadSnapshot(database, await database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken), null);
        }

        await database.OpenConnectionAsync(cancellationToken);
        var sqlite = ((SqliteConnection)database.GetDbConnection()).BeginTransaction(deferred: true);
        return new ReadSnapshot(database, (await database.UseTransactionAsync(sqlite, cancellationToken))!, sqlite);
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqliteTransaction is null)
        {
            await _transaction.DisposeAsync();
            return;
        }

        // EF Core does not own a transaction it was given: let go of it, then end it and the connection opened for it.
        await _database.UseTransactionAsync(null);
        await _sqliteTransaction.DisposeAsync();
        await _database.CloseConnectionAsync();
    }
}

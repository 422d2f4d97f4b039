using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Lantern.Web.Platform.Persistence;

/// <summary>
/// Every SQLite connection commits durably (WAL with synchronous=FULL: an acknowledged report survives a
/// power cut), enforces foreign keys, and zeroes what it deletes (<c>secure_delete</c>): a deleted row's cells and
/// freed pages are overwritten, so an erased report, a removed file or a withdrawn contact detail leaves no bytes in
/// the database file once the write-ahead log is checkpointed (docs/SECURITY.md, "Erasure").
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000; PRAGMA secure_delete=ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

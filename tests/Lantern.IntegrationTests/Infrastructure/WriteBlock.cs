using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Lantern.IntegrationTests.Infrastructure;

/// <summary>
/// Holds the app's report writes back, on a connection of the test's own, until disposed: on SQLite the write lock
/// (<c>BEGIN IMMEDIATE</c>: readers go on, every writer waits), on PostgreSQL a lock on <c>reports</c> that lets it be
/// read but not written. A report being stored then stays being stored, however long the test takes to look.
/// </summary>
public sealed class WriteBlock : IAsyncDisposable
{
    private readonly DbConnection _connection;

    private WriteBlock(DbConnection connection) => _connection = connection;

    public static async Task<WriteBlock> HoldAsync(LanternFactory factory, CancellationToken cancellationToken)
    {
        DbConnection connection = factory switch
        {
            PostgresLanternFactory postgres => new NpgsqlConnection(postgres.ConnectionString),
            _ => new SqliteConnection(await factory.WithDbAsync(db => Task.FromResult(db.Database.GetConnectionString()!))),
        };
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = connection is NpgsqlConnection
            ? "BEGIN; LOCK TABLE reports IN EXCLUSIVE MODE;"
            : "BEGIN IMMEDIATE;";
        await command.ExecuteNonQueryAsync(cancellationToken);
        return new WriteBlock(connection);
    }

    /// <summary>Lets the waiting writes through (nothing was written on this connection).</summary>
    public async ValueTask DisposeAsync()
    {
        await using (var command = _connection.CreateCommand())
        {
            command.CommandText = "ROLLBACK;";
            await command.ExecuteNonQueryAsync();
        }

        await _connection.DisposeAsync();
    }
}

using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Npgsql;

namespace Lantern.IntegrationTests.Infrastructure;

/// <summary>
/// Lantern on PostgreSQL: a database of its own (random name) created on the server of LANTERN_TEST_POSTGRES,
/// dropped on dispose. Without that variable the tests are skipped, unless LANTERN_TEST_FULL=1 where they fail.
/// </summary>
public class PostgresLanternFactory : LanternFactory
{
    private string? _adminConnectionString;

    public override DatabaseKind Database => DatabaseKind.Postgres;

    public string DatabaseName { get; } = "lantern_test_" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>The app's connection string: the admin one pointed at this test class's database.</summary>
    public string ConnectionString { get; private set; } = string.Empty;

    public override async ValueTask InitializeAsync()
    {
        _adminConnectionString = TestEnvironment.PostgresAdmin;
        if (_adminConnectionString is null)
        {
            if (TestEnvironment.FullMode)
            {
                throw new InvalidOperationException("LANTERN_TEST_FULL=1 but LANTERN_TEST_POSTGRES is not set: the PostgreSQL tests cannot run.");
            }

            SkipReason = "PostgreSQL not configured: set LANTERN_TEST_POSTGRES to an admin connection string (e.g. Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres).";
            return;
        }

        ConnectionString = new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = DatabaseName }.ConnectionString;
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{DatabaseName}\"", connection);
        await command.ExecuteNonQueryAsync();
    }

    public override async Task<IReadOnlyList<StoredBytes>> ReadStoredDataAsync()
    {
        var stored = new List<StoredBytes>(await base.ReadStoredDataAsync());
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        var columns = new List<(string Table, string Column, string Type)>();
        await using (var list = new NpgsqlCommand(
            "SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position",
            connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                columns.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        foreach (var (table, column, type) in columns)
        {
            var select = type == "bytea"
                ? $"SELECT \"{column}\" FROM \"{table}\" WHERE \"{column}\" IS NOT NULL"
                : $"SELECT \"{column}\"::text FROM \"{table}\" WHERE \"{column}\" IS NOT NULL";
            await using var command = new NpgsqlCommand(select, connection);
            await using var reader = await command.ExecuteReaderAsync();
            var row = 0;
            while (await reader.ReadAsync())
            {
                var bytes = type == "bytea" ? (byte[])reader.GetValue(0) : Encoding.UTF8.GetBytes(reader.GetString(0));
                stored.Add(new StoredBytes(string.Create(CultureInfo.InvariantCulture, $"{table}.{column}[{row++}]"), bytes));
            }
        }

        return stored;
    }

    protected override void ConfigureDatabase(IWebHostBuilder builder)
    {
        builder.UseSetting("Lantern:Database:Provider", "Postgres");
        builder.UseSetting("ConnectionStrings:Lantern", ConnectionString);
    }

    protected override async Task DropDatabaseAsync()
    {
        if (_adminConnectionString is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{DatabaseName}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}

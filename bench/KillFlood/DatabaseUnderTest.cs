using Npgsql;

namespace Lantern.Bench.KillFlood;

/// <summary>
/// The database one half of the run uses, and what a kill does to it: nothing for SQLite (a file of the process's
/// own), a crash of the private PostgreSQL cluster with each kill of Lantern, or, when no private cluster can be made,
/// a database of the run's own on BENCH_POSTGRES's server, which is never stopped (it is not ours to stop).
/// </summary>
internal sealed class DatabaseUnderTest : IAsyncDisposable
{
    private readonly PrivatePostgres? _cluster;
    private readonly string? _adminConnection;
    private readonly string? _ownDatabase;

    private DatabaseUnderTest(string name, string crash, IReadOnlyDictionary<string, string> lanternSettings, PrivatePostgres? cluster = null,
        string? adminConnection = null, string? ownDatabase = null)
    {
        Name = name;
        Crash = crash;
        LanternSettings = lanternSettings;
        _cluster = cluster;
        _adminConnection = adminConnection;
        _ownDatabase = ownDatabase;
    }

    public string Name { get; }

    /// <summary>What a kill does, for the printed summary.</summary>
    public string Crash { get; }

    /// <summary>Lantern's environment for this database.</summary>
    public IReadOnlyDictionary<string, string> LanternSettings { get; }

    public bool Crashes => _cluster is not null;

    public static DatabaseUnderTest Sqlite() =>
        new("sqlite", "Lantern killed (SQLite in WAL with synchronous=FULL, as in production)", new Dictionary<string, string>());

    public static async Task<DatabaseUnderTest> PrivatePostgresAsync()
    {
        var cluster = await PrivatePostgres.StartAsync();
        return new DatabaseUnderTest(
            "postgres",
            $"Lantern killed and PostgreSQL crashed with it (pg_ctl stop -m immediate; a private cluster on port {cluster.Port}, fsync and synchronous_commit on)",
            Settings(cluster.ConnectionString),
            cluster);
    }

    public static async Task<DatabaseUnderTest> SharedPostgresAsync(string adminConnection, string why)
    {
        var database = "lantern_killflood_" + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()[..4]);
        await AdminAsync(adminConnection, $"CREATE DATABASE \"{database}\"");
        var connection = new NpgsqlConnectionStringBuilder(adminConnection) { Database = database }.ConnectionString;
        return new DatabaseUnderTest(
            "postgres",
            $"Lantern killed; PostgreSQL NOT restarted ({why}: no private cluster, BENCH_POSTGRES's server is not ours to stop)",
            Settings(connection),
            adminConnection: adminConnection,
            ownDatabase: database);
    }

    /// <summary>The database's half of a kill: its crash, before or after Lantern's.</summary>
    public Task CrashAsync() => _cluster?.CrashAsync() ?? Task.CompletedTask;

    public Task StartAgainAsync() => _cluster?.StartAgainAsync() ?? Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        _cluster?.Dispose();
        if (_ownDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await AdminAsync(_adminConnection!, $"DROP DATABASE IF EXISTS \"{_ownDatabase}\" WITH (FORCE)");
        }
    }

    private static Dictionary<string, string> Settings(string connection) => new()
    {
        ["Lantern__Database__Provider"] = "Postgres",
        ["ConnectionStrings__Lantern"] = connection,
    };

    private static async Task AdminAsync(string adminConnection, string sql)
    {
        await using var connection = new NpgsqlConnection(adminConnection);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

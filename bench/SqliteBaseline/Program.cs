using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;

// The floor under POST /api/v1/reports: one row per transaction, durably committed with Lantern's own
// pragmas (WAL, synchronous=FULL), from as many concurrent tasks as wrk has connections, queued on one
// gate as Lantern's WriteGate queues writers. Prints one line of key=value figures.
//
// Usage: SqliteBaseline --db PATH [--seconds 15] [--concurrency 32] [--row-bytes 1024] [--synchronous FULL|NORMAL|OFF] [--secure-delete ON|OFF]
//        SqliteBaseline count PATH TABLE   (prints the number of rows: bench/run.sh checks every 201 was stored)
if (args is ["count", var countPath, var table])
{
    await using var reader = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = countPath, Mode = SqliteOpenMode.ReadOnly }.ToString());
    await reader.OpenAsync();
    await using var count = reader.CreateCommand();
    count.CommandText = $"SELECT COUNT(*) FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
    Console.WriteLine(Convert.ToInt64(await count.ExecuteScalarAsync(), CultureInfo.InvariantCulture));
    return 0;
}

var options = Options.Parse(args);
var connectionString = new SqliteConnectionStringBuilder { DataSource = options.Database, Pooling = true, DefaultTimeout = 30 }.ToString();
var pragmas = $"PRAGMA journal_mode=WAL; PRAGMA synchronous={options.Synchronous}; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000; PRAGMA secure_delete={options.SecureDelete};";

await using (var setup = new SqliteConnection(connectionString))
{
    await setup.OpenAsync();
    await Execute(setup, pragmas);
    await Execute(setup, "CREATE TABLE IF NOT EXISTS rows (id BLOB PRIMARY KEY, reference TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL, payload BLOB NOT NULL)");
}

using var gate = new SemaphoreSlim(1, 1);
var latencies = new List<double>[options.Concurrency];
var stopwatch = Stopwatch.StartNew();
var deadline = TimeSpan.FromSeconds(options.Seconds);
var workers = Enumerable.Range(0, options.Concurrency).Select(i => Task.Run(() => WorkerAsync(i))).ToArray();
await Task.WhenAll(workers);
var elapsed = stopwatch.Elapsed.TotalSeconds;

var all = latencies.SelectMany(l => l).Order().ToArray();
var line = string.Create(CultureInfo.InvariantCulture,
    $"inserts={all.Length} seconds={elapsed:F2} inserts_per_s={all.Length / elapsed:F1} p50_ms={Percentile(all, 0.50):F2} p99_ms={Percentile(all, 0.99):F2} concurrency={options.Concurrency} synchronous={options.Synchronous} secure_delete={options.SecureDelete} row_bytes={options.RowBytes}");
Console.WriteLine(line);
return 0;

async Task WorkerAsync(int index)
{
    var mine = latencies[index] = new List<double>(capacity: 4096);
    var payload = new byte[options.RowBytes];
    await using var connection = new SqliteConnection(connectionString);
    await connection.OpenAsync();
    await Execute(connection, pragmas);
    await using var insert = connection.CreateCommand();
    insert.CommandText = "INSERT INTO rows (id, reference, created_at, payload) VALUES ($id, $reference, $created, $payload)";
    var id = insert.Parameters.Add("$id", SqliteType.Blob);
    var reference = insert.Parameters.Add("$reference", SqliteType.Text);
    var created = insert.Parameters.Add("$created", SqliteType.Text);
    var data = insert.Parameters.Add("$payload", SqliteType.Blob);
    while (stopwatch.Elapsed < deadline)
    {
        // Encrypted answers look random: fill the row with fresh random bytes as Lantern's would be.
        RandomNumberGenerator.Fill(payload);
        var started = stopwatch.Elapsed;
        await gate.WaitAsync();
        try
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            insert.Transaction = transaction;
            id.Value = Guid.CreateVersion7().ToByteArray();
            reference.Value = Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
            created.Value = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture);
            data.Value = payload;
            await insert.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }
        finally
        {
            gate.Release();
        }

        mine.Add((stopwatch.Elapsed - started).TotalMilliseconds);
    }
}

static async Task Execute(SqliteConnection connection, string sql)
{
    await using var command = connection.CreateCommand();
    command.CommandText = sql;
    await command.ExecuteNonQueryAsync();
}

static double Percentile(double[] sorted, double p) =>
    sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

internal sealed record Options(string Database, double Seconds, int Concurrency, int RowBytes, string Synchronous, string SecureDelete)
{
    public static Options Parse(string[] args)
    {
        string? database = null;
        double seconds = 15;
        int concurrency = 32, rowBytes = 1024;
        var synchronous = "FULL";
        var secureDelete = "ON";
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            switch (args[i])
            {
                case "--db": database = value; break;
                case "--seconds": seconds = double.Parse(value, CultureInfo.InvariantCulture); break;
                case "--concurrency": concurrency = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--row-bytes": rowBytes = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--synchronous": synchronous = value.ToUpperInvariant() is "FULL" or "NORMAL" or "OFF" ? value.ToUpperInvariant() : throw new ArgumentException("--synchronous: FULL, NORMAL or OFF"); break;
                case "--secure-delete": secureDelete = value.ToUpperInvariant() is "ON" or "OFF" ? value.ToUpperInvariant() : throw new ArgumentException("--secure-delete: ON or OFF"); break;
                default: throw new ArgumentException($"Unknown option {args[i]}");
            }
        }

        // A bounded run: a benchmark that could run for ever is a defect.
        if (database is null || seconds is <= 0 or > 300 || concurrency is < 1 or > 1024 || rowBytes is < 0 or > 1_000_000)
        {
            throw new ArgumentException("Usage: SqliteBaseline --db PATH [--seconds 1-300] [--concurrency 1-1024] [--row-bytes N] [--synchronous FULL|NORMAL|OFF] [--secure-delete ON|OFF]");
        }

        return new Options(database, seconds, concurrency, rowBytes, synchronous, secureDelete);
    }
}

using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Lantern.Bench.Inbox;
using Lantern.Web.Accounts;
using Lantern.Web.Core.Access;
using Lantern.Web.Core.Persistence;
using Lantern.Web.Detection;
using Lantern.Web.Detection.Links;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Lantern.Bench.Links;

// The links of one report (ReportLinks: the report's blind indexes, one probe per detail on the covering index, the
// "does not link" marks, the reader's scope) among many seeded reports and their entities, timed beside the bare
// index probe for the same rows (the report's (kind, hash) pairs, then the reports holding each), interleaved in the
// same run, on SQLite and on PostgreSQL. Lantern is hosted in-process on a database its own migrations create.
//
// Usage: Links [--rows 1000000] [--iterations 300] [--warmup 50] [--smoke 1]
// --smoke 1 (CI): 2,000 reports, 10 runs, no target judged; still fails when ReportLinks and the bare probe disagree.
// PostgreSQL: set BENCH_POSTGRES to an admin connection string (a database is created for the run and dropped after).
internal static class LinksBench
{
    public const double TargetP50Ms = 10;

    private static int _rows = 1_000_000;
    private static int _iterations = 300;
    private static int _warmup = 50;
    private static bool _smoke;

    public static async Task<int> Main(string[] args)
    {
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--rows": _rows = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--iterations": _iterations = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--warmup": _warmup = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--smoke": _smoke = args[i + 1] == "1"; break;
                default: throw new ArgumentException($"Unknown option {args[i]}");
            }
        }

        if (_smoke)
        {
            (_rows, _iterations, _warmup) = (2_000, 10, 2);
        }

        if (_rows is < 1_000 or > 2_000_000 || _iterations is < 10 or > 5_000 || _warmup is < 0 or > 1_000)
        {
            throw new ArgumentException("Bounded runs only: --rows 1,000-2,000,000, --iterations 10-5,000, --warmup 0-1,000.");
        }

        var failed = !await RunAsync(null);
        var postgres = Environment.GetEnvironmentVariable("BENCH_POSTGRES");
        if (string.IsNullOrWhiteSpace(postgres))
        {
            Console.WriteLine("LINKS postgres SKIPPED: set BENCH_POSTGRES to an admin connection string");
        }
        else
        {
            failed |= !await RunAsync(postgres);
        }

        return failed ? 3 : 0;
    }

    private static async Task<bool> RunAsync(string? postgresAdmin)
    {
        var name = postgresAdmin is null ? "sqlite" : "postgres";
        var dataDirectory = Directory.CreateTempSubdirectory("lantern-links-bench.");
        var database = "lantern_bench_" + Guid.NewGuid().ToString("N")[..12];
        var connectionString = postgresAdmin is null ? null : new NpgsqlConnectionStringBuilder(postgresAdmin) { Database = database }.ConnectionString;
        if (postgresAdmin is not null)
        {
            await AdminAsync(postgresAdmin, $"CREATE DATABASE \"{database}\"");
        }

        try
        {
            await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
            {
                web.UseContentRoot(LanternContentRoot());
                web.UseEnvironment("Production");
                web.UseSetting("Lantern:DataDirectory", dataDirectory.FullName);
                web.UseSetting("Lantern:Database:Provider", postgresAdmin is null ? "Sqlite" : "Postgres");
                web.UseSetting("Lantern:Detection:CatchUpAtStart", "false");
                if (connectionString is not null)
                {
                    web.UseSetting("ConnectionStrings:Lantern", connectionString);
                }

                web.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
            });
            var services = factory.Services;
            string appConnectionString;
            Dictionary<string, int> organisations;
            await using (var scope = services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
                appConnectionString = db.Database.GetConnectionString()!;
                organisations = await db.Organisations.ToDictionaryAsync(o => o.Code, o => o.Id);
            }

            var analyst = await AddAccountAsync(services, "analyst@bench.example", StaffRoles.Analyst);
            var centres = new Dictionary<string, int> { ["BE-BRU"] = organisations["pag-asa"], ["BE-VLG"] = organisations["payoke"], ["BE-WAL"] = organisations["surya"] };
            var reports = Seeder.Generate(_rows, DateTime.UtcNow, [analyst], centres, organisations["child-focus"]);
            var entities = EntitySeeder.Generate(reports, services.GetRequiredService<EntityIndexer>().BlindIndex);
            var seeding = Stopwatch.StartNew();
            if (postgresAdmin is null)
            {
                await Seeder.InsertSqliteAsync(appConnectionString, reports);
                await EntitySeeder.InsertSqliteAsync(appConnectionString, entities);
            }
            else
            {
                await Seeder.InsertPostgresAsync(appConnectionString, reports);
                await EntitySeeder.InsertPostgresAsync(appConnectionString, entities);
                await ExecuteAsync(postgresAdmin is not null, appConnectionString, "ANALYZE");
            }

            Console.WriteLine(Invariant($"LINKS {name} seeded {reports.Count} reports and {entities.Count} blind-index rows in {seeding.Elapsed.TotalSeconds:F1} s"));
            var member = new StaffMember(analyst, "analyst@bench.example", [StaffRoles.Analyst], null);
            var random = new Random(11);
            var sample = Enumerable.Range(0, _iterations + _warmup).Select(_ => reports[random.Next(reports.Count)].Id).ToList();

            // Same reports, or the comparison means nothing.
            foreach (var id in sample.Take(5))
            {
                var links = await LinksAsync(services, member, id);
                var bare = await BareAsync(postgresAdmin is not null, appConnectionString, id);
                if (!links.SetEquals(bare))
                {
                    Console.WriteLine(Invariant($"LINKS {name} MISMATCH for {id}: ReportLinks {links.Count}, bare probe {bare.Count}"));
                    return false;
                }
            }

            var app = new List<double>();
            var baseline = new List<double>();
            for (var i = 0; i < sample.Count; i++)
            {
                // Interleaved, so both see the same neighbours on a shared machine.
                var watch = Stopwatch.StartNew();
                await LinksAsync(services, member, sample[i]);
                var appMs = watch.Elapsed.TotalMilliseconds;
                watch.Restart();
                await BareAsync(postgresAdmin is not null, appConnectionString, sample[i]);
                var bareMs = watch.Elapsed.TotalMilliseconds;
                if (i >= _warmup)
                {
                    app.Add(appMs);
                    baseline.Add(bareMs);
                }
            }

            var (p50, p90) = (Percentile(app, 50), Percentile(app, 90));
            var (b50, b90) = (Percentile(baseline, 50), Percentile(baseline, 90));
            var met = _smoke || p50 <= TargetP50Ms;
            Console.WriteLine(Invariant(
                $"LINKS {name} links of one report: p50 {p50:F2} ms, p90 {p90:F2} ms; bare index probe p50 {b50:F2} ms, p90 {b90:F2} ms; ratio p50 {p50 / b50:F1}x; target p50 <= {TargetP50Ms} ms: {(_smoke ? "not judged (smoke)" : met ? "met" : "MISSED")}"));
            return met;
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            SqliteConnection.ClearAllPools();
            if (postgresAdmin is not null)
            {
                await AdminAsync(postgresAdmin, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
            }

            dataDirectory.Delete(recursive: true);
        }
    }

    private static async Task<HashSet<Guid>> LinksAsync(IServiceProvider services, StaffMember member, Guid reportId)
    {
        await using var scope = services.CreateAsyncScope();
        var set = await scope.ServiceProvider.GetRequiredService<ReportLinks>().ForAsync(member, reportId, CancellationToken.None);
        return [.. set.Links.Select(l => l.Id)];
    }

    /// <summary>The bare probe: the report's (kind, hash) pairs, then the reports holding each, by plain SQL.</summary>
    private static async Task<HashSet<Guid>> BareAsync(bool postgres, string connectionString, Guid reportId)
    {
        await using DbConnection connection = postgres ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var own = new List<(string Kind, byte[] Hash)>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT \"Kind\", \"Hash\" FROM entity_index WHERE \"ReportId\" = @r";
            Add(command, "@r", postgres ? reportId : Seeder.SqliteGuid(reportId));
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                own.Add((reader.GetString(0), (byte[])reader[1]));
            }
        }

        var linked = new HashSet<Guid>();
        foreach (var (kind, hash) in own)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT \"ReportId\" FROM entity_index WHERE \"Kind\" = @k AND \"Hash\" = @h";
            Add(command, "@k", kind);
            Add(command, "@h", hash);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var id = postgres ? reader.GetGuid(0) : Guid.Parse(reader.GetString(0));
                if (id != reportId)
                {
                    linked.Add(id);
                }
            }
        }

        return linked;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static async Task ExecuteAsync(bool postgres, string connectionString, string sql)
    {
        await using DbConnection connection = postgres ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static double Percentile(List<double> values, int percentile)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    private static async Task<Guid> AddAccountAsync(IServiceProvider services, string email, string role)
    {
        await using var scope = services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<StaffAccounts>().AddAsync(email, role, null, "bench", CancellationToken.None);
        return created.Value?.User.Id ?? throw new InvalidOperationException("Could not create " + email + ": " + created.Error);
    }

    private static async Task AdminAsync(string adminConnectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string LanternContentRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Lantern.slnx")))
            {
                return Path.Combine(folder.FullName, "src", "Lantern.Web");
            }
        }

        throw new InvalidOperationException("Run from inside the Lantern repository: Lantern.slnx was not found above " + AppContext.BaseDirectory);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

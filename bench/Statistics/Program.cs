using System.Diagnostics;
using System.Globalization;
using Lantern.Bench.Inbox;
using Lantern.Web.Accounts;
using Lantern.Web.Core.Access;
using Lantern.Web.Core.Persistence;
using Lantern.Web.Statistics.Figures;
using Lantern.Web.Statistics.Summaries;
using Lantern.Web.Statistics.Team;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Lantern.Bench.Statistics;

// The team's statistics dashboard for the last year (TeamDashboard: every table of /staff/statistics, labels included,
// in a fresh DI scope as a request has) among 1,000,000 reports of five years, timed beside the bare GROUP BY statements
// for the same figures on a plain connection, interleaved in the same run, on SQLite and on PostgreSQL. Lantern is
// hosted in-process (no HTTP) on a fresh data directory / database created by its own migrations.
//
// Usage: Statistics [--rows 1000000] [--iterations 20] [--warmup 3] [--smoke 1]
// --smoke 1 (CI): 3,000 reports, 3 runs, no target judged; still fails when the dashboard and the bare SQL disagree.
// PostgreSQL: set BENCH_POSTGRES to an admin connection string (a database is created for the run and dropped after).
internal static class StatisticsBench
{
    public const double TargetP50Ms = 500;

    private static int _rows = 1_000_000;
    private static int _iterations = 20;
    private static int _warmup = 3;
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
            (_rows, _iterations, _warmup) = (3_000, 3, 1);
        }

        if (_rows is < 1_000 or > 2_000_000 || _iterations is < 1 or > 1_000 || _warmup is < 0 or > 100)
        {
            throw new ArgumentException("Bounded runs only: --rows 1,000-2,000,000, --iterations 1-1,000, --warmup 0-100.");
        }

        var failed = !await RunAsync(postgresAdmin: null);
        var postgres = Environment.GetEnvironmentVariable("BENCH_POSTGRES");
        if (string.IsNullOrWhiteSpace(postgres))
        {
            Console.WriteLine("STATS postgres SKIPPED: set BENCH_POSTGRES to an admin connection string, e.g. Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres");
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
        var dataDirectory = Directory.CreateTempSubdirectory("lantern-stats-bench.");
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
                // The bench summarises by the job's own code, once, before timing; the job's loop would do it in the middle.
                web.UseSetting("Lantern:Statistics:SummariseInBackground", "false");
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

            var analysts = new List<Guid>();
            for (var i = 0; i < 5; i++)
            {
                await using var scope = services.CreateAsyncScope();
                var created = await scope.ServiceProvider.GetRequiredService<StaffAccounts>().AddAsync($"analyst{i}@bench.example", StaffRoles.Analyst, null, "bench", CancellationToken.None);
                analysts.Add(created.Value!.User.Id);
            }

            var now = DateTime.UtcNow;
            var centres = new Dictionary<string, int> { ["BE-BRU"] = organisations["pag-asa"], ["BE-VLG"] = organisations["payoke"], ["BE-WAL"] = organisations["surya"] };
            var reports = Seeder.Generate(_rows, now, analysts, centres, organisations["child-focus"]);
            var seeding = Stopwatch.StartNew();
            if (postgresAdmin is null)
            {
                await Seeder.InsertSqliteAsync(appConnectionString, reports);
            }
            else
            {
                await Seeder.InsertPostgresAsync(appConnectionString, reports);
            }

            var bare = new BareStatistics(postgresAdmin is not null, appConnectionString);
            if (postgresAdmin is not null)
            {
                // What autovacuum does soon after a bulk load anyway.
                await AdminAsync(appConnectionString, "ANALYZE");
            }

            // The last whole year: about a fifth of the reports.
            var today = DateOnly.FromDateTime(now);
            var from = today.AddDays(-365);
            var to = today.AddDays(-1);
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            var end = today.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            var inYear = reports.Count(r => r.ReceivedAt >= start && r.ReceivedAt < end);
            Console.WriteLine(Invariant($"STATS {name} seeded {reports.Count} reports ({inYear} in the year counted) in {seeding.Elapsed.TotalSeconds:F1} s"));
            reports.Clear();

            // What the job does on a first start, spread over its runs: every ended day counted once into the summaries.
            var summarising = Stopwatch.StartNew();
            SummaryRun summarised;
            await using (var scope = services.CreateAsyncScope())
            {
                summarised = await scope.ServiceProvider.GetRequiredService<DaySummariser>().RunUntilDoneAsync(CancellationToken.None);
            }

            summarising.Stop();
            if (postgresAdmin is not null)
            {
                await AdminAsync(appConnectionString, "ANALYZE");
            }

            Console.WriteLine(Invariant(
                $"STATS {name} summarised {summarised.Recomputed} days and rolled up {summarised.Months} months in {summarising.Elapsed.TotalSeconds:F1} s ({summarising.Elapsed.TotalMilliseconds / Math.Max(1, summarised.Recomputed):F1} ms a day; once, then each ended or changed day)"));

            // The summaries must give exactly what the live count gives.
            await using (var scope = services.CreateAsyncScope())
            {
                var query = scope.ServiceProvider.GetRequiredService<StatisticsQuery>();
                var fromSummaries = Describe(await query.RunAsync(start, end, CancellationToken.None));
                var live = Describe(await query.RunLiveAsync(start, end, CancellationToken.None));
                if (fromSummaries != live)
                {
                    Console.WriteLine($"STATS {name} MISMATCH: the summaries and the live count differ\n--- summaries\n{fromSummaries}\n--- live\n{live}");
                    return false;
                }
            }

            // Same figures, or the comparison means nothing.
            var tables = await DashboardAsync(services, from, to);
            var dashboardTotal = (long)tables.Single(t => t.Id == "reports-by-channel").Rows.Sum(r => r.Values[0] ?? 0);
            var bareTotal = await bare.RunAsync(start, end, now);
            if (dashboardTotal != inYear || bareTotal != inYear)
            {
                Console.WriteLine(Invariant($"STATS {name} MISMATCH: {inYear} reports seeded in the year, dashboard counts {dashboardTotal}, bare SQL {bareTotal}"));
                return false;
            }

            Func<Task>[] variants = [() => DashboardAsync(services, from, to), () => bare.RunAsync(start, end, now)];
            var timings = variants.Select(_ => new List<double>(_iterations)).ToArray();
            for (var i = 0; i < _warmup + _iterations; i++)
            {
                // Interleaved, starting with a different one each time: both see the same neighbours.
                for (var k = 0; k < variants.Length; k++)
                {
                    var v = (i + k) % variants.Length;
                    var started = Stopwatch.GetTimestamp();
                    await variants[v]();
                    if (i >= _warmup)
                    {
                        timings[v].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    }
                }
            }

            var (p50, p95) = Percentiles(timings[0]);
            var (bareP50, bareP95) = Percentiles(timings[1]);
            var met = p50 <= TargetP50Ms || _smoke;
            Console.WriteLine(Invariant(
                $"STATS {name,-8} dashboard for a year ({inYear} reports of {_rows}) p50 {p50,8:F1} ms, p95 {p95,8:F1} ms | bare GROUP BY p50 {bareP50,8:F1} ms, p95 {bareP95,8:F1} ms | ratio {p50 / bareP50:F2} | {(_smoke ? "smoke, not judged" : met ? "PASS" : "FAIL")} (target p50 <= {TargetP50Ms} ms, {_iterations} runs)"));

            // Where the dashboard's time goes (not judged): the period's figures, and "overdue now" (always live).
            var parts = new[] { new List<double>(), new List<double>() };
            for (var i = 0; i < Math.Min(_iterations, 10); i++)
            {
                await using var scope = services.CreateAsyncScope();
                var query = scope.ServiceProvider.GetRequiredService<StatisticsQuery>();
                var started = Stopwatch.GetTimestamp();
                await query.RunAsync(start, end, CancellationToken.None);
                parts[0].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                started = Stopwatch.GetTimestamp();
                await query.OverdueAsync(CancellationToken.None);
                parts[1].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            Console.WriteLine(Invariant($"STATS {name,-8} of which: the year's figures p50 {Percentiles(parts[0]).P50:F1} ms, overdue now p50 {Percentiles(parts[1]).P50:F1} ms"));
            return met;
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (postgresAdmin is not null)
            {
                await AdminAsync(postgresAdmin, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
            }

            // BENCH_STATS_KEEP=1 keeps the SQLite database to look at its plans (sqlite3 <dir>/lantern.db); it is large.
            if (postgresAdmin is null && Environment.GetEnvironmentVariable("BENCH_STATS_KEEP") == "1")
            {
                Console.WriteLine($"STATS sqlite kept {dataDirectory.FullName}");
            }
            else
            {
                dataDirectory.Delete(recursive: true);
            }
        }
    }

    private static async Task<IReadOnlyList<FigureTable>> DashboardAsync(IServiceProvider services, DateOnly from, DateOnly to)
    {
        // A scope per call, as a request has.
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TeamDashboard>().BuildAsync(from, to, Granularity.Month, CancellationToken.None);
    }

    private static string Describe(ReportFigures f) => string.Join(
        "\n",
        f.Total,
        string.Join(' ', f.ByDay),
        string.Join(' ', f.Cube),
        string.Join(' ', f.Forms),
        f.Acknowledgement,
        f.FirstReply,
        f.Referral,
        f.PartnerAcknowledgement,
        string.Join(' ', f.Referrals));

    private static (double P50, double P95) Percentiles(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return (sorted[sorted.Length / 2], sorted[Math.Min(sorted.Length - 1, (int)(sorted.Length * 0.95))]);
    }

    private static async Task AdminAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
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

using System.Diagnostics;
using System.Globalization;
using Lantern.Web.Accounts;
using Lantern.Web.Core.Access;
using Lantern.Web.Core.Persistence;
using Lantern.Web.Triage.Inbox;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Lantern.Bench.Inbox;

// The inbox's first page with 100,000 reports: InboxQuery (EF Core, the scope, the projection, the deadline) timed
// beside bare SQL returning the same rows, interleaved in the same run, on SQLite and on PostgreSQL. Lantern is hosted
// in-process (no HTTP) on a fresh data directory / database that its own migrations create.
//
// Usage: Inbox [--rows 100000] [--iterations 300] [--warmup 50] [--plans FILE] [--sqlite-analyze 0|1] [--smoke 1]
// --smoke 1 (CI): 1,500 reports, 10 runs, no target judged; still fails when InboxQuery and the bare SQL disagree.
// PostgreSQL: set BENCH_POSTGRES to an admin connection string (a database is created for the run and dropped after).
internal static class InboxBench
{
    public const double TargetP50Ms = 50;

    private static int _rows = 100_000;
    private static int _iterations = 300;
    private static int _warmup = 50;
    private static string? _plans;
    private static bool _sqliteAnalyze;
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
                case "--plans": _plans = args[i + 1]; break;
                case "--sqlite-analyze": _sqliteAnalyze = args[i + 1] == "1"; break;
                case "--smoke": _smoke = args[i + 1] == "1"; break;
                default: throw new ArgumentException($"Unknown option {args[i]}");
            }
        }

        if (_smoke)
        {
            // Just over the 1,000 reports page 21 needs; a few runs: seconds, not minutes.
            (_rows, _iterations, _warmup) = (1_500, 10, 2);
        }

        if (_rows is < 1_000 or > 1_000_000 || _iterations is < 10 or > 5_000 || _warmup is < 0 or > 1_000)
        {
            throw new ArgumentException("Bounded runs only: --rows 1,000-1,000,000, --iterations 10-5,000, --warmup 0-1,000.");
        }

        if (_plans is not null)
        {
            await File.WriteAllTextAsync(_plans, string.Empty);
        }

        var failed = false;
        failed |= !await RunAsync(postgresAdmin: null);
        var postgres = Environment.GetEnvironmentVariable("BENCH_POSTGRES");
        if (string.IsNullOrWhiteSpace(postgres))
        {
            Console.WriteLine("INBOX postgres SKIPPED: set BENCH_POSTGRES to an admin connection string, e.g. Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres");
        }
        else
        {
            failed |= !await RunAsync(postgres);
        }

        return failed ? 3 : 0;
    }

    /// <summary>One database: seed, check that every variant returns the same rows, time them. False when a target is missed.</summary>
    private static async Task<bool> RunAsync(string? postgresAdmin)
    {
        var name = postgresAdmin is null ? "sqlite" : "postgres";
        var dataDirectory = Directory.CreateTempSubdirectory("lantern-inbox-bench.");
        var database = "lantern_bench_" + Guid.NewGuid().ToString("N")[..12];
        var connectionString = postgresAdmin is null ? null : new NpgsqlConnectionStringBuilder(postgresAdmin) { Database = database }.ConnectionString;
        if (postgresAdmin is not null)
        {
            await AdminAsync(postgresAdmin, $"CREATE DATABASE \"{database}\"");
        }

        using var capture = new CommandCapture();
        try
        {
            await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
            {
                web.UseContentRoot(LanternContentRoot());
                web.UseEnvironment("Production");
                web.UseSetting("Lantern:DataDirectory", dataDirectory.FullName);
                web.UseSetting("Lantern:Database:Provider", postgresAdmin is null ? "Sqlite" : "Postgres");
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

            // Twenty analysts share the work; "me" is the first. A Payoke caseworker sees what is referred to Payoke.
            var analysts = new List<Guid>();
            for (var i = 0; i < 20; i++)
            {
                analysts.Add(await AddAccountAsync(services, $"analyst{i}@bench.example", StaffRoles.Analyst, null));
            }

            await AddAccountAsync(services, "caseworker@payoke.example", StaffRoles.PartnerCaseworker, "payoke");
            var centres = new Dictionary<string, int> { ["BE-BRU"] = organisations["pag-asa"], ["BE-VLG"] = organisations["payoke"], ["BE-WAL"] = organisations["surya"] };
            var reports = Seeder.Generate(_rows, DateTime.UtcNow, analysts, centres, organisations["child-focus"]);
            var seeding = Stopwatch.StartNew();
            if (postgresAdmin is null)
            {
                await Seeder.InsertSqliteAsync(appConnectionString, reports);
            }
            else
            {
                await Seeder.InsertPostgresAsync(appConnectionString, reports);
            }

            var bare = new BareInbox(postgresAdmin is not null, appConnectionString);
            if (postgresAdmin is not null)
            {
                // What autovacuum does soon after a bulk load anyway.
                await bare.ExecuteAsync("ANALYZE");
            }
            else if (_sqliteAnalyze)
            {
                await bare.ExecuteAsync("ANALYZE");
            }

            var open = reports.Count(r => r.Status != "closed");
            Console.WriteLine(Invariant($"INBOX {name} seeded {reports.Count} reports ({open} open, {reports.Sum(r => r.Forms.Length)} forms, {reports.Sum(r => r.ReferredTo.Length)} referrals) in {seeding.Elapsed.TotalSeconds:F1} s{(postgresAdmin is null ? _sqliteAnalyze ? ", after ANALYZE" : ", no ANALYZE (as Lantern runs)" : ", after ANALYZE")}"));

            var me = analysts[0];
            var payoke = organisations["payoke"];
            var partner = await FindAsync(services, "caseworker@payoke.example");
            var scenarios = new List<Scenario>
            {
                new("open", new InboxFilter(), me, null),
                new("form=labour", new InboxFilter { Form = "labour" }, me, null),
                new("assigned=me", new InboxFilter { Assigned = InboxAssignment.Me }, me, null),
                new("partner", new InboxFilter(), partner, payoke),
            };
            var members = new Dictionary<Guid, StaffMember>
            {
                [me] = new(me, "analyst0@bench.example", [StaffRoles.Analyst], null),
                [partner] = new(partner, "caseworker@payoke.example", [StaffRoles.PartnerCaseworker], payoke),
            };

            // Page 21 of everything: 1,000 rows in, keyset paging should cost what the first page costs.
            var deep = new Scenario("all, page 21", new InboxFilter { Status = InboxStatuses.All }, me, null);
            string? cursor = null;
            for (var page = 0; page < 20; page++)
            {
                cursor = (await InboxAsync(services, members[me], deep.Filter, cursor)).Next;
            }

            if (!InboxCursor.TryParse(cursor, out var after))
            {
                throw new InvalidOperationException($"Fewer than 1,000 reports in the inbox: no page 21 ({_rows} rows).");
            }

            scenarios.Add(deep with { After = after });

            // The slowest kind of request: a rare form (1%) through every status, so whole urgency levels of closed
            // reports are read to fill a page. For information: not the inbox's working view.
            scenarios.Add(new Scenario("all, organs", new InboxFilter { Status = InboxStatuses.All, Form = "organs" }, me, null, Target: false));

            var ok = true;
            foreach (var scenario in scenarios)
            {
                ok &= await MeasureAsync(name, services, bare, scenario, members[scenario.Member], capture);
            }

            return ok;
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (postgresAdmin is not null)
            {
                await AdminAsync(postgresAdmin, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
            }

            dataDirectory.Delete(recursive: true);
        }
    }

    private static async Task<bool> MeasureAsync(string name, IServiceProvider services, BareInbox bare, Scenario scenario, StaffMember member, CommandCapture capture)
    {
        const int limit = InboxQuery.DefaultLimit;

        // Same rows, or the comparison means nothing.
        capture.Start();

        // EF Core looks at its listeners again only every second or so (the statements matter only for the plans).
        if (_plans is not null)
        {
            await Task.Delay(1500);
        }

        var inboxRows = (await InboxAsync(services, member, scenario.Filter, scenario.After?.Encode())).Rows.Select(r => r.Reference).ToList();
        var efCommands = capture.Stop();
        var same = (await bare.SameStatementAsync(scenario, limit)).Take(limit).Select(r => r.Reference).ToList();
        var single = (await bare.SingleStatementAsync(scenario, limit)).Take(limit).Select(r => r.Reference).ToList();
        if (!inboxRows.SequenceEqual(same) || !inboxRows.SequenceEqual(single))
        {
            Console.WriteLine(Invariant($"INBOX {name} {scenario.Name} MISMATCH: InboxQuery {inboxRows.Count} rows, bare same statement {same.Count}, bare single {single.Count}; first {inboxRows.FirstOrDefault()} / {same.FirstOrDefault()} / {single.FirstOrDefault()}"));
            return false;
        }

        if (_plans is not null)
        {
            await File.AppendAllTextAsync(_plans, Invariant($"===== {name}: {scenario.Name} ({inboxRows.Count} rows)\n-- InboxQuery ran {efCommands.Count} statement(s):\n{string.Join("\n\n", efCommands)}\n\n{await bare.ExplainAsync(scenario, limit)}\n"));
        }

        var cursor = scenario.After?.Encode();
        Func<Task>[] variants =
        [
            () => InboxAsync(services, member, scenario.Filter, cursor),
            () => bare.SameStatementAsync(scenario, limit),
            () => bare.SingleStatementAsync(scenario, limit),
        ];
        var timings = variants.Select(_ => new List<double>(_iterations)).ToArray();
        for (var i = 0; i < _warmup + _iterations; i++)
        {
            // Interleaved, starting with a different variant each time: all three see the same neighbours.
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
        var (sameP50, sameP95) = Percentiles(timings[1]);
        var (singleP50, singleP95) = Percentiles(timings[2]);
        var met = p50 <= TargetP50Ms || !scenario.Target || _smoke;
        Console.WriteLine(Invariant(
            $"INBOX {name,-8} {scenario.Name,-13} InboxQuery p50 {p50,6:F2} ms, p95 {p95,6:F2} ms | same statements by hand p50 {sameP50,6:F2} ms, p95 {sameP95,6:F2} ms, ratio {p50 / sameP50:F2} | one ORDER BY p50 {singleP50,6:F2} ms, p95 {singleP95,6:F2} ms, ratio {p50 / singleP50:F2} | {(_smoke ? "smoke, not judged" : scenario.Target ? met ? "PASS" : "FAIL" : "no target")} ({inboxRows.Count} rows, {efCommands.Count} statement(s))"));
        return met;
    }

    private static async Task<InboxPage> InboxAsync(IServiceProvider services, StaffMember member, InboxFilter filter, string? cursor)
    {
        // A scope per call, as a request has.
        await using var scope = services.CreateAsyncScope();
        InboxCursor? after = InboxCursor.TryParse(cursor, out var parsed) ? parsed : null;
        return await scope.ServiceProvider.GetRequiredService<InboxQuery>().ExecuteAsync(member, filter, after, InboxQuery.DefaultLimit, CancellationToken.None);
    }

    private static (double P50, double P95) Percentiles(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return (sorted[sorted.Length / 2], sorted[Math.Min(sorted.Length - 1, (int)(sorted.Length * 0.95))]);
    }

    private static async Task<Guid> AddAccountAsync(IServiceProvider services, string email, string role, string? organisation)
    {
        await using var scope = services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<StaffAccounts>().AddAsync(email, role, organisation, "bench", CancellationToken.None);
        return created.Value?.User.Id ?? throw new InvalidOperationException("Could not create " + email + ": " + created.Error);
    }

    private static async Task<Guid> FindAsync(IServiceProvider services, string email)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
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

/// <summary>Collects the SQL EF Core sends while switched on (through its DiagnosticListener), to show beside the plans.</summary>
internal sealed class CommandCapture : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly List<string> _commands = [];
    private readonly List<IDisposable> _subscriptions = [];
    private volatile bool _on;

    public CommandCapture() => _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));

    public void Start()
    {
        lock (_commands)
        {
            _commands.Clear();
        }

        _on = true;
    }

    public List<string> Stop()
    {
        _on = false;
        lock (_commands)
        {
            return [.. _commands];
        }
    }

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(value.Subscribe(this, name => _on && name == RelationalEventId.CommandExecuted.Name));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Value is CommandExecutedEventData executed)
        {
            lock (_commands)
            {
                _commands.Add(executed.Command.CommandText);
            }
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        lock (_subscriptions)
        {
            _subscriptions.ForEach(s => s.Dispose());
        }
    }
}

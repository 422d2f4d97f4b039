using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Lantern.Web.Core.Reports;
using Lantern.Web.Detection;
using Lantern.Web.Platform;
using Lantern.Web.Platform.Crypto;
using Lantern.Web.Reporting.Intake;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Lantern.Bench.Components;

// Where the time of one report submission goes, without HTTP: each step alone on one thread (CPU cost),
// then the whole submission and the database write alone, one at a time and from 32 concurrent tasks.
// Lantern is hosted in-process on a fresh SQLite data directory with its production settings.
//
// Usage: Components [--warmup 20] [--seconds 2] [--concurrent-seconds 5] [--concurrency 32] [--only TEXT (steps whose name contains it)]
internal static class ComponentsBench
{
    private static double _seconds = 2.0;
    private static double _concurrentSeconds = 5.0;
    private static double _warmupSeconds = 20.0;
    private static int _concurrency = 32;
    private static string? _only;

    public static async Task<int> Main(string[] args)
    {
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (args[i] == "--only")
            {
                _only = args[i + 1];
                continue;
            }

            var value = double.Parse(args[i + 1], CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--seconds": _seconds = value; break;
                case "--concurrent-seconds": _concurrentSeconds = value; break;
                case "--concurrency": _concurrency = (int)value; break;
                case "--warmup": _warmupSeconds = value; break;
                default: throw new ArgumentException($"Unknown option {args[i]}");
            }
        }

        if (_seconds is <= 0 or > 30 || _concurrentSeconds is <= 0 or > 60 || _warmupSeconds is < 0 or > 120 || _concurrency is < 1 or > 256)
        {
            throw new ArgumentException("Bounded runs only: --seconds 0-30, --concurrent-seconds 0-60, --warmup 0-120, --concurrency 1-256.");
        }

        var dataDirectory = Directory.CreateTempSubdirectory("lantern-components.");
        try
        {
            await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
            {
                web.UseContentRoot(LanternContentRoot());
                web.UseEnvironment("Production");
                web.UseSetting("Lantern:DataDirectory", dataDirectory.FullName);
                web.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
            });
            var services = factory.Services;
            var keys = services.GetRequiredService<KeyRing>();
            var sample = SampleReport();
            var answers = JsonSerializer.SerializeToUtf8Bytes(Parse(sample), ReportJson.Options);
            var dataKey = RandomNumberGenerator.GetBytes(32);
            var wrappingKey = RandomNumberGenerator.GetBytes(32);

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"COMPONENTS sample report: {sample.Length} bytes of JSON, answers {answers.Length} bytes"));

            // Until the JIT has finished tiering up, every figure is inflated: run whole submissions first.
            var warmup = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
            {
                while (warmup.Elapsed.TotalSeconds < _warmupSeconds)
                {
                    await SubmitAsync(services, sample);
                }
            })));

            // 1. CPU per step, one thread.
            Time($"pbkdf2-{ReceiptDeriver.Iterations / 1000}k (receipt derivation)", () => ReceiptDeriver.Derive(Receipt.Generate(), keys.ReceiptPepper));
            Time($"pbkdf2-{ReceiptDeriver.Iterations / 1000}k alone (Rfc2898DeriveBytes)", () => Rfc2898DeriveBytes.Pbkdf2("12345678901234567890"u8, "lantern/receipt/v1"u8, ReceiptDeriver.Iterations, HashAlgorithmName.SHA256, 32));
            Time("pbkdf2-2k (for comparison)", () => Rfc2898DeriveBytes.Pbkdf2("12345678901234567890"u8, "lantern/receipt/v1"u8, 2_000, HashAlgorithmName.SHA256, 32));
            Time("seal data key (ECDH P-256)", () => KeySealer.Seal(dataKey, keys.CurrentStaffKey, Guid.CreateVersion7()));
            Time("wrap data key (AES-GCM)", () => KeyWrap.Wrap(dataKey, wrappingKey, Guid.CreateVersion7()));
            Time("encrypt answers (AES-GCM)", () => ItemCipher.Encrypt(dataKey, Guid.CreateVersion7(), ItemKind.Answers, 0, answers));
            Time("parse JSON body", () => Parse(sample));
            await TimeAsync("parse + validate", async () =>
            {
                await using var scope = services.CreateAsyncScope();
                var errors = await scope.ServiceProvider.GetRequiredService<ReportValidator>().ValidateAsync(Parse(sample));
                if (errors.Count > 0)
                {
                    throw new InvalidOperationException("The sample report is invalid: " + string.Join(", ", errors.Select(e => e.Field)));
                }

                return errors.Count;
            });
            var content = Parse(sample);
            Time("blind indexes (entities)", () => services.GetRequiredService<EntityIndexer>().RowsFor(Guid.CreateVersion7(), content, "BE").ToList());

            // 2. The database write alone: the same rows a submission writes, already encrypted, through EF and the ReportWriter.
            var gate = services.GetRequiredService<ReportWriter>();
            await TimeAsync("EF insert of one report, 1 at a time", () => InsertAsync(services, gate, content));
            await TimeConcurrentAsync("EF insert of one report", () => InsertAsync(services, gate, content));

            // What the alternatives would cost, per report: group commit (8 reports per transaction, through
            // EF), and the same rows written by hand-written, prepared SQL (one report per transaction).
            await TimeAsync("EF insert, 8 reports per transaction", () => InsertAsync(services, gate, content, reports: 8), reportsPerRun: 8);
            await using (var writer = await SqlReportWriter.OpenAsync(services.GetRequiredService<DataDirectory>().DefaultSqlitePath))
            {
                await TimeAsync("SQL insert of one report, 1 at a time", () => writer.InsertAsync(content));
            }

            // 3. The whole submission without HTTP: what SubmitReport does for the API.
            await TimeAsync("SubmitReport, 1 at a time", () => SubmitAsync(services, sample));
            await TimeConcurrentAsync("SubmitReport", () => SubmitAsync(services, sample));
        }
        finally
        {
            dataDirectory.Delete(recursive: true);
        }

        return 0;
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

    private static void Time(string name, Func<object> step) => TimeAsync(name, () => Task.FromResult(step())).GetAwaiter().GetResult();

    private static async Task TimeAsync<T>(string name, Func<Task<T>> step, int reportsPerRun = 1)
    {
        if (_only is not null && !name.Contains(_only, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        for (var i = 0; i < 50; i++)
        {
            await step();
        }

        var stopwatch = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var count = 0;
        while (stopwatch.Elapsed.TotalSeconds < _seconds)
        {
            await step();
            count++;
        }

        var wall = stopwatch.Elapsed.TotalMilliseconds;
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        count *= reportsPerRun;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"STEP {name,-40} {wall * 1000 / count,9:F1} us wall  {cpuMs * 1000 / count,9:F1} us cpu  ({count} runs)"));
    }

    private static async Task TimeConcurrentAsync(string name, Func<Task> step)
    {
        if (_only is not null && !name.Contains(_only, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var stopwatch = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var latencies = new List<double>[_concurrency];
        await Task.WhenAll(Enumerable.Range(0, _concurrency).Select(t => Task.Run(async () =>
        {
            var mine = latencies[t] = [];
            while (stopwatch.Elapsed.TotalSeconds < _concurrentSeconds)
            {
                var started = stopwatch.Elapsed.TotalMilliseconds;
                await step();
                mine.Add(stopwatch.Elapsed.TotalMilliseconds - started);
            }
        })));
        var wall = stopwatch.Elapsed.TotalSeconds;
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"CONCURRENT {name,-30} x{_concurrency}: {all.Length / wall,8:F1}/s  p50 {all[all.Length / 2],7:F1} ms  p99 {all[Math.Min(all.Length - 1, (int)(all.Length * 0.99))],7:F1} ms  cpu {cpuMs / all.Length,6:F2} ms/op"));
    }

    private static ReportContent Parse(byte[] json) => JsonSerializer.Deserialize<ReportContent>(json, ReportJson.Options)!;

    private static async Task<int> SubmitAsync(IServiceProvider services, byte[] sample)
    {
        await using var scope = services.CreateAsyncScope();
        var content = Parse(sample);
        var errors = await scope.ServiceProvider.GetRequiredService<ReportValidator>().ValidateAsync(content);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("invalid sample");
        }

        await scope.ServiceProvider.GetRequiredService<SubmitReport>().ExecuteAsync(content, IntakeSource.Api, CancellationToken.None);
        return 0;
    }

    private static async Task<int> InsertAsync(IServiceProvider services, ReportWriter writer, ReportContent content, int reports = 1)
    {
        // Reports handed to the writer together are committed together (group commit on SQLite).
        await Task.WhenAll(Enumerable.Range(0, reports).Select(_ =>
        {
            var (report, index) = BuildReport(content);
            return writer.SaveAsync(report, index, CancellationToken.None);
        }));
        return 0;
    }

    private static (Report Report, List<EntityIndexEntry> Index) BuildReport(ReportContent content)
    {
        var id = Guid.CreateVersion7();
        var now = DateTime.UtcNow;
        var report = new Report
        {
            Id = id,
            Reference = "LT-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(5)),
            ReceivedAt = now,
            Channel = "api",
            Role = "witness",
            Language = "en",
            Country = "BE",
            Region = "BRU",
            UrgencyReasons = "",
            Status = "new",
            ReceiptVerifier = RandomNumberGenerator.GetBytes(32),
            StaffKeyId = "bench",
            SealedDataKey = RandomNumberGenerator.GetBytes(KeySealer.SealedSize),
            ReceiptWrappedKey = RandomNumberGenerator.GetBytes(KeyWrap.WrappedSize),
            Forms = [new ReportForm { Code = "labour" }],
            Signs = content.Signs.Select(code => new ReportSign { Code = code }).ToList(),
            Items = [new ReportItem { Kind = 1, Sequence = 0, CreatedAt = now, Ciphertext = RandomNumberGenerator.GetBytes(2000) }],
        };
        return (report, Enumerable.Range(0, 6).Select(i => new EntityIndexEntry { ReportId = id, Kind = "phone", Hash = RandomNumberGenerator.GetBytes(16) }).ToList());
    }

    private static byte[] SampleReport() => """
        {"role":"witness","language":"en","immediateDanger":false,"exploitationTypes":["labour","sexual"],
         "signs":["documents","debt","housing","hours","fear"],"minorsInvolved":false,
         "location":{"country":"BE","postcode":"2000","municipality":"Antwerpen","placeType":"salon"},
         "when":"weeks","whenDetails":"Most evenings, the last time on day 12",
         "people":{"count":4,"ages":"between 16 and 30","languages":"Romanian, some English","descriptions":"A tall man with a grey coat drives the van."},
         "entities":{"phones":["+32 470 12 34 56"],"emails":["r123456@example.com"],"urls":["https://ads.example.net/r123456","@r123456"],"plates":["1-ABC-123"],"companies":["Clean Star 12 BV"]},
         "description":"Several workers arrive before dawn in a white van and leave after dark. They never seem to have their own papers; the manager keeps them in a drawer. One of them told me she owes a large sum for her journey and cannot leave until it is paid. The windows of the upstairs flat are covered and about ten people sleep there. A man collects their wages every Friday and they look frightened when he is around. Nobody speaks the local language and they are not allowed to talk to customers. They work seven days a week, more than twelve hours a day, for almost nothing. When I offered help she looked at the door and said she could not talk.",
         "relationship":"neighbour"}
        """u8.ToArray();
}

using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Lantern.Web.Core.Files;
using Lantern.Web.Core.Persistence;
using Lantern.Web.Platform.Crypto;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Lantern.Bench.Files;

// Does a file stream through the store, or is it held whole? Uploads a 20 MiB file (a PDF: no rendition, so
// only the store is measured) and a one-chunk file into Lantern hosted in-process (SQLite, production
// settings), sampling the live managed heap (after a full collection) every chunk the store reads. The
// figure is the peak growth of the live heap over the idle heap, as a multiple of the chunk size; if the
// file were buffered whole it would be about 80 chunks (20 MiB / 256 KiB). The one-chunk upload is the
// baseline: peak growth should be the same for 20 MiB as for 256 KiB. Reading back is measured the same way.
// Speed is reported beside AES-GCM alone over the same bytes in memory.
//
// Usage: Files [--megabytes 20]
internal static class FilesBench
{
    private static readonly string[] _forms = ["labour"];

    public static async Task<int> Main(string[] args)
    {
        var megabytes = args.Length == 2 && args[0] == "--megabytes" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
        var dataDirectory = Directory.CreateTempSubdirectory("lantern-files.");
        try
        {
            await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
            {
                web.UseContentRoot(LanternContentRoot());
                web.UseEnvironment("Production");
                web.UseSetting("Lantern:DataDirectory", dataDirectory.FullName);
                web.UseSetting("Lantern:Files:MaxFileMegabytes", megabytes.ToString(CultureInfo.InvariantCulture));
                web.UseSetting("Lantern:Files:MaxReportMegabytes", (megabytes * 4).ToString(CultureInfo.InvariantCulture));
                web.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
            });
            using var client = factory.CreateClient();
            var created = await client.PostAsJsonAsync("/api/v1/reports", new
            {
                role = "witness",
                language = "en",
                immediateDanger = false,
                exploitationTypes = _forms,
                location = new { country = "BE", postcode = "2000" },
                description = "Benchmark report",
            });
            created.EnsureSuccessStatusCode();
            var reference = (await created.Content.ReadFromJsonAsync<Dictionary<string, string>>())!["reference"];
            var services = factory.Services;
            var store = services.GetRequiredService<ReportFileStore>();
            var chunk = services.GetRequiredService<IOptions<FilesOptions>>().Value.ChunkBytes;
            Guid reportId;
            byte[] dataKey;
            await using (var scope = services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
                var report = await db.Reports.AsNoTracking().SingleAsync(r => r.Reference == reference);
                reportId = report.Id;
                dataKey = Lantern.Web.Core.Reports.ReportDataKey.Open(services.GetRequiredService<KeyRing>(), report.Id, report.StaffKeyId, report.SealedDataKey);
            }

            // Warm up (JIT, connection pool), then measure the baseline and the large file.
            await UploadAsync(store, reportId, dataKey, chunk, chunk);
            var small = await UploadAsync(store, reportId, dataKey, chunk, chunk);
            var large = await UploadAsync(store, reportId, dataKey, chunk, megabytes * 1024L * 1024);
            var timed = await UploadAsync(store, reportId, dataKey, chunk, megabytes * 1024L * 1024, sample: false);
            var read = await ReadAsync(store, reportId, dataKey, large.File, chunk);
            var aes = AesAlone(dataKey, reportId, chunk, megabytes * 1024L * 1024);

            Print($"FILES chunk {chunk / 1024} KiB; file {megabytes} MiB = {megabytes * 1024L * 1024 / chunk} chunks");
            Print($"FILES upload {chunk / 1024} KiB (baseline): peak live-heap growth {Mib(small.PeakGrowth)} MiB = {small.PeakGrowth / (double)chunk:0.0} chunks");
            Print($"FILES upload {megabytes} MiB: peak live-heap growth {Mib(large.PeakGrowth)} MiB = {large.PeakGrowth / (double)chunk:0.0} chunks " +
                $"(ratio to baseline {large.PeakGrowth / (double)Math.Max(1, small.PeakGrowth):0.00}; whole file would be {megabytes * 1024L * 1024 / chunk} chunks); " +
                $"allocated in all {Mib(large.Allocated)} MiB");
            Print($"FILES upload {megabytes} MiB without heap sampling: {megabytes / timed.Seconds:0.0} MiB/s ({timed.Seconds:0.00} s)");
            Print($"FILES read back {megabytes} MiB: peak live-heap growth {Mib(read.PeakGrowth)} MiB = {read.PeakGrowth / (double)chunk:0.0} chunks (sampling included: {megabytes / read.Seconds:0.0} MiB/s)");
            Print($"FILES AES-GCM alone over {megabytes} MiB in memory (baseline for speed): {megabytes / aes:0.0} MiB/s");
            CryptographicOperations.ZeroMemory(dataKey);
            return 0;
        }
        finally
        {
            dataDirectory.Delete(recursive: true);
        }
    }

    private static async Task<(ReportFileInfo File, long PeakGrowth, long Allocated, double Seconds)> UploadAsync(
        ReportFileStore store, Guid reportId, byte[] dataKey, int chunk, long length, bool sample = true)
    {
        var idle = LiveHeap();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        await using var content = new SyntheticPdf(length, chunk, idle, sample);
        var watch = Stopwatch.StartNew();
        var file = await store.AddAsync(reportId, dataKey, content, "bench.pdf", null, null, CancellationToken.None);
        watch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        return (file, content.PeakGrowth, allocated, watch.Elapsed.TotalSeconds);
    }

    private static async Task<(long PeakGrowth, double Seconds)> ReadAsync(ReportFileStore store, Guid reportId, byte[] dataKey, ReportFileInfo info, int chunk)
    {
        var file = (await store.FindAsync(reportId, info.Id, CancellationToken.None))!;
        var idle = LiveHeap();
        long peak = 0;
        var buffer = new byte[64 * 1024];
        var watch = Stopwatch.StartNew();
        await using var stream = store.OpenRead(reportId, dataKey, file);
        long sinceSample = 0;
        int n;
        while ((n = await stream.ReadAsync(buffer)) > 0)
        {
            sinceSample += n;
            if (sinceSample >= chunk)
            {
                sinceSample = 0;
                peak = Math.Max(peak, LiveHeap() - idle);
            }
        }

        return (peak, watch.Elapsed.TotalSeconds);
    }

    private static double AesAlone(byte[] dataKey, Guid reportId, int chunk, long length)
    {
        var plaintext = new byte[chunk];
        var watch = Stopwatch.StartNew();
        for (long done = 0, sequence = 0; done < length; done += chunk, sequence++)
        {
            _ = ItemCipher.Encrypt(dataKey, reportId, ItemKind.FileChunk, (int)sequence, plaintext);
        }

        return watch.Elapsed.TotalSeconds;
    }

    private static long LiveHeap() => GC.GetTotalMemory(forceFullCollection: true);

    private static string Mib(long bytes) => (bytes / (1024.0 * 1024)).ToString("0.00", CultureInfo.InvariantCulture);

    private static void Print(string line) => Console.WriteLine(line);

    private static string LanternContentRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "Lantern.Web");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("src/Lantern.Web not found above the benchmark.");
    }

    /// <summary>A PDF of the given length generated as it is read, sampling the live heap once per chunk read.</summary>
    private sealed class SyntheticPdf(long length, int chunk, long idle, bool sample = true) : Stream
    {
        private static readonly byte[] _head = "%PDF-1.4\n"u8.ToArray();
        private static readonly byte[] _tail = "\n%%EOF\n"u8.ToArray();
        private long _position;
        private long _sinceSample;

        public long PeakGrowth { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _position);
            for (var i = 0; i < n; i++)
            {
                var at = _position + i;
                buffer[offset + i] = at < _head.Length ? _head[at] : at >= length - _tail.Length ? _tail[at - (length - _tail.Length)] : (byte)('a' + (at % 26));
            }

            _position += n;
            _sinceSample += n;
            if (sample && (_sinceSample >= chunk || n == 0))
            {
                _sinceSample = 0;
                PeakGrowth = Math.Max(PeakGrowth, LiveHeap() - idle);
            }

            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using SkiaSharp;

namespace Lantern.Bench.Hostile;

// What can anonymous requests make a running Lantern hold? Starts the published Lantern (Production settings, a
// fresh SQLite data directory, 127.0.0.1 only), samples its resident memory (VmRSS from /proc, every 20 ms) and its
// upload spool folder, and measures, one phase after the other:
//   idle       the process at rest after start-up and one report (the baseline),
//   legitimate one 12-megapixel JPEG sent in a follow-up thread, as a reporter would (the second baseline),
//   images     a burst of concurrent follow-up uploads, each a PNG of just under MaxImagePixels (40 MP: 160 MB of
//              pixels once decoded, under 200 KB on the wire): what the decode bound allows,
//   forms      a burst of concurrent questionnaire posts of ~50 MB each without an antiforgery token: what the form
//              reader holds before refusing them.
// Each phase prints its peak resident memory beside the idle figure (as a ratio) and the statuses it got. The
// thread upload needs only a receipt, which anyone gets by sending a report: the hostile side is anonymous.
//
// Usage: Hostile --lantern PATH/Lantern.Web.dll [--port 5783] [--images 8] [--forms 8] [--form-megabytes 50] [--decodes N]
// (--decodes sets Lantern:Files:MaxConcurrentImageDecodes; e.g. 64 shows what an unbounded burst would hold.)
internal static class HostileBench
{
    private static readonly string[] _forms = ["labour"];

    public static async Task<int> Main(string[] args)
    {
        var options = Options.Parse(args);
        var data = Directory.CreateTempSubdirectory("lantern-hostile.");
        var spool = Directory.CreateDirectory(Path.Combine(data.FullName, "spool"));
        using var lantern = Start(options, data.FullName, spool.FullName);
        try
        {
            var baseAddress = new Uri($"http://127.0.0.1:{options.Port}");
            using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(5) };
            await WaitHealthyAsync(http, lantern);
            using var sampler = new Sampler(lantern.Id, spool.FullName);

            var token = await ReporterSessionAsync(http);
            var legitimate = Jpeg(4000, 3000);
            var hostile = BlankPng(6320, 6320);
            var body = Pdf(options.FormMegabytes * 1024 * 1024);

            // Let start-up settle, then the baseline.
            await Task.Delay(2000);
            var idle = await sampler.PhaseAsync(() => Task.Delay(2000).ContinueWith(_ => new List<HttpStatusCode>(), TaskScheduler.Default));
            Print("idle", idle, idle, "process at rest after start-up and one report");

            var legit = await sampler.PhaseAsync(async () => [await UploadAsync(http, token, "photo.jpg", legitimate)]);
            Print("legitimate", legit, idle, $"one 12 MP JPEG ({legitimate.Length / 1024} KB) in a follow-up thread");

            var images = await sampler.PhaseAsync(async () =>
                [.. await Task.WhenAll(Enumerable.Range(0, options.Images).Select(i => UploadAsync(http, token, $"bomb{i}.png", hostile)))]);
            Print("images", images, idle, $"{options.Images} concurrent 40 MP PNGs ({hostile.Length / 1024} KB each) in a follow-up thread");

            var forms = await sampler.PhaseAsync(async () =>
                [.. await Task.WhenAll(Enumerable.Range(0, options.Forms).Select(_ => PostFormAsync(baseAddress, body)))]);
            Print("forms", forms, idle, $"{options.Forms} concurrent {options.FormMegabytes} MB questionnaire posts without antiforgery token");

            Console.WriteLine(FormattableString.Invariant($"HOSTILE settings   image decodes at once={(options.Decodes is { } n ? n.ToString(CultureInfo.InvariantCulture) : "Lantern's default")}"));
            Console.WriteLine(FormattableString.Invariant($"HOSTILE high-water rss={Sampler.HighWaterMegabytes(lantern.Id):F0}MB (VmHWM over the whole run)"));
            return 0;
        }
        finally
        {
            if (!lantern.HasExited)
            {
                lantern.Kill(entireProcessTree: true);
                await lantern.WaitForExitAsync();
            }

            try
            {
                data.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A temp folder is not worth failing the run for.
            }
        }
    }

    private static void Print(string phase, PhaseResult result, PhaseResult idle, string what)
    {
        var statuses = string.Join(',', result.Statuses.GroupBy(s => (int)s).OrderBy(g => g.Key).Select(g => $"{g.Key}x{g.Count()}"));
        Console.WriteLine(FormattableString.Invariant(
            $"HOSTILE {phase,-10} peak rss={result.PeakRssMegabytes,6:F0}MB ({result.PeakRssMegabytes / idle.PeakRssMegabytes:F2}x idle) spool peak={result.PeakSpoolMegabytes:F1}MB {result.Seconds,5:F1}s statuses={(statuses.Length == 0 ? "-" : statuses)}: {what}"));
    }

    private static Process Start(Options options, string data, string spool)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(options.Lantern))!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.GetFullPath(options.Lantern));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{options.Port}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["Lantern__DataDirectory"] = data;
        start.Environment["Lantern__Uploads__SpoolDirectory"] = spool;

        // Every request comes from 127.0.0.1: the per-client limits would measure the limiter, not the memory.
        start.Environment["Lantern__RateLimits__IntakePerClientPerMinute"] = "100000";
        start.Environment["Lantern__RateLimits__RequestsPerClientPerMinute"] = "100000";
        start.Environment["Lantern__Uploads__ConcurrentFormsPerClient"] = "1000";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        if (options.Decodes is { } decodes)
        {
            start.Environment["Lantern__Files__MaxConcurrentImageDecodes"] = decodes.ToString(CultureInfo.InvariantCulture);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Lantern did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine("lantern: " + e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitHealthyAsync(HttpClient http, Process lantern)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline && !lantern.HasExited)
        {
            try
            {
                using var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        throw new InvalidOperationException("Lantern did not become healthy.");
    }

    /// <summary>Sends a report through the API and opens the reporter's follow-up session with its receipt.</summary>
    private static async Task<string> ReporterSessionAsync(HttpClient http)
    {
        using var created = await http.PostAsJsonAsync("/api/v1/reports", new
        {
            role = "witness",
            language = "en",
            immediateDanger = false,
            exploitationTypes = _forms,
            location = new { country = "BE", postcode = "2000" },
            description = "Benchmark report",
        });
        created.EnsureSuccessStatusCode();
        var receipt = (await created.Content.ReadFromJsonAsync<Dictionary<string, string>>())!["receipt"];
        using var session = await http.PostAsJsonAsync("/api/v1/followup/session", new { receipt });
        session.EnsureSuccessStatusCode();
        return (await session.Content.ReadFromJsonAsync<Dictionary<string, object>>())!["token"].ToString()!;
    }

    private static async Task<HttpStatusCode> UploadAsync(HttpClient http, string token, string name, byte[] content)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/followup/files");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(content), "file", name);
        request.Content = form;
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>A questionnaire post with a large file and no antiforgery token, each on its own connection.</summary>
    private static async Task<HttpStatusCode> PostFormAsync(Uri baseAddress, byte[] file)
    {
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(5) };
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent("review"), "step");
        form.Add(new StringContent("send"), "action");
        form.Add(new ByteArrayContent(file), "files", "statement.pdf");
        try
        {
            using var response = await http.PostAsync(new Uri("/en/report/witness", UriKind.Relative), form);
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            // The server stopped reading and closed the connection while the body was still being sent.
            return 0;
        }
    }

    private static byte[] Jpeg(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            using var paint = new SKPaint();
            paint.Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(width, height), [SKColors.SteelBlue, SKColors.Orange], SKShaderTileMode.Clamp);
            canvas.DrawRect(0, 0, width, height, paint);
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 90);
        return data.ToArray();
    }

    /// <summary>A PNG of one colour: tiny on the wire, width × height × 4 bytes once decoded.</summary>
    private static byte[] BlankPng(int width, int height)
    {
        using var output = new MemoryStream();
        output.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        WriteBigEndian(header, 0, width);
        WriteBigEndian(header, 4, height);
        header[8] = 8; // bit depth
        header[9] = 2; // colour type RGB
        Chunk(output, "IHDR", header);
        using var pixels = new MemoryStream();
        using (var zlib = new ZLibStream(pixels, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var row = new byte[1 + (width * 3)]; // filter byte 0, then black pixels
            for (var y = 0; y < height; y++)
            {
                zlib.Write(row);
            }
        }

        Chunk(output, "IDAT", pixels.ToArray());
        Chunk(output, "IEND", []);
        return output.ToArray();
    }

    private static byte[] Pdf(int size)
    {
        var file = new byte[size];
        Array.Fill(file, (byte)' ');
        Encoding.ASCII.GetBytes("%PDF-1.4\n").CopyTo(file, 0);
        Encoding.ASCII.GetBytes("\n%%EOF\n").CopyTo(file, size - 7);
        return file;
    }

    private static void Chunk(Stream output, string type, byte[] content)
    {
        var length = new byte[4];
        WriteBigEndian(length, 0, content.Length);
        output.Write(length);
        var typed = new byte[4 + content.Length];
        Encoding.ASCII.GetBytes(type).CopyTo(typed, 0);
        content.CopyTo(typed, 4);
        output.Write(typed);
        var crc = new byte[4];
        WriteBigEndian(crc, 0, (int)Crc32(typed));
        output.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }

    private static void WriteBigEndian(byte[] buffer, int offset, int value)
    {
        buffer[offset] = (byte)(value >> 24);
        buffer[offset + 1] = (byte)(value >> 16);
        buffer[offset + 2] = (byte)(value >> 8);
        buffer[offset + 3] = (byte)value;
    }
}

internal sealed record Options(string Lantern, int Port, int Images, int Forms, int FormMegabytes, int? Decodes)
{
    public static Options Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        int Number(string name, int fallback) => Value(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
        var lantern = Value("--lantern") ?? throw new ArgumentException("--lantern PATH/Lantern.Web.dll is required");
        return new Options(lantern, Number("--port", 5783), Number("--images", 8), Number("--forms", 8), Number("--form-megabytes", 50), Value("--decodes") is { } d ? int.Parse(d, CultureInfo.InvariantCulture) : null);
    }
}

internal sealed record PhaseResult(double PeakRssMegabytes, double PeakSpoolMegabytes, double Seconds, List<HttpStatusCode> Statuses);

/// <summary>Samples the server's resident memory and its spool folder every 20 ms; each phase keeps its peaks.</summary>
internal sealed class Sampler : IDisposable
{
    private readonly int _pid;
    private readonly string _spool;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private double _peakRss;
    private double _peakSpool;

    public Sampler(int pid, string spool)
    {
        _pid = pid;
        _spool = spool;
        _loop = Task.Run(LoopAsync);
    }

    public async Task<PhaseResult> PhaseAsync(Func<Task<List<HttpStatusCode>>> work)
    {
        Interlocked.Exchange(ref _peakRss, Rss(_pid));
        Interlocked.Exchange(ref _peakSpool, 0);
        var clock = Stopwatch.StartNew();
        var statuses = await work();
        var seconds = clock.Elapsed.TotalSeconds;

        // What the server still holds just after the last answer belongs to the phase too.
        await Task.Delay(200);
        return new PhaseResult(Volatile.Read(ref _peakRss), Volatile.Read(ref _peakSpool), seconds, statuses);
    }

    public static double HighWaterMegabytes(int pid) => Status(pid, "VmHWM:");

    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            _loop.Wait();
        }
        catch (AggregateException)
        {
            // Cancelled.
        }

        _stop.Dispose();
    }

    private static double Rss(int pid) => Status(pid, "VmRSS:");

    private static double Status(int pid, string field)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
            return line is null ? 0 : double.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Max(ref _peakRss, Rss(_pid));
            Max(ref _peakSpool, SpoolMegabytes());
            await Task.Delay(20, _stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private double SpoolMegabytes()
    {
        try
        {
            return new DirectoryInfo(_spool).EnumerateFiles().Sum(f =>
            {
                try
                {
                    return f.Length;
                }
                catch (IOException)
                {
                    return 0;
                }
            }) / (1024.0 * 1024.0);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static void Max(ref double target, double value)
    {
        double current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}

using System.Diagnostics;
using System.Globalization;

namespace Lantern.Bench.Flood;

// Do people still get through during a flood? Starts the published Lantern (Production, a fresh SQLite data directory,
// 127.0.0.1, the default per-client limits, the API's proof of work required), then floods it with bots from the
// addresses 127.0.0.2 to 127.0.0.250 (a third posting to the API without the work, a third solving the challenge first,
// a third posting the questionnaire at machine speed) while people, each from an address of their own, fill in the
// questionnaire at a person's pace, half with JavaScript (solving the challenge) and half without (waiting). Prints the
// people's sends (count, refusals, p50/p99/max) and the share of bot submissions refused. Exit 3 when a person's send
// was refused, or (outside smoke mode) their p99 is over 1 s.
//
// Usage: Flood --lantern PATH/Lantern.Web.dll [--port 5784] [--seconds 60] [--warmup 10] [--people 8] [--bots 64]
//              [--baseline 30] [--pause-ms 700] [--wait 20] [--smoke 1]
// (--baseline: seconds of the same people without bots first, in the same run.)
internal static class FloodBench
{
    private const double TargetP99Milliseconds = 1000;

    public static async Task<int> Main(string[] args)
    {
        var options = Options.Parse(args);
        var data = Directory.CreateTempSubdirectory("lantern-flood.");
        using var lantern = Start(options, data.FullName);
        try
        {
            var server = new Uri($"http://127.0.0.1:{options.Port}");
            await WaitHealthyAsync(server, lantern);
            var pause = TimeSpan.FromMilliseconds(options.PauseMilliseconds);
            var wait = TimeSpan.FromSeconds(options.WaitSeconds);

            // Warm-up, people only, not counted: the first requests compile what the run then measures.
            if (options.WarmupSeconds > 0)
            {
                using var warm = new CancellationTokenSource(TimeSpan.FromSeconds(options.WarmupSeconds));
                await new People(server, pause, wait).RunAsync(options.People, record: false, warm.Token);
            }

            // The baseline in the same run: the same people without any bot, so the flood's cost is a ratio.
            var calm = new People(server, pause, wait);
            var cpu = new CpuShare(lantern.Id);
            if (options.BaselineSeconds > 0)
            {
                using var quiet = new CancellationTokenSource(TimeSpan.FromSeconds(options.BaselineSeconds));
                await calm.RunAsync(options.People, record: true, quiet.Token);
            }

            var calmCpu = cpu.Since();
            var people = new People(server, pause, wait);
            using var bots = new Bots(server);
            using var flood = new CancellationTokenSource();
            var clock = Stopwatch.StartNew();
            var botRun = bots.RunAsync(options.Bots, flood.Token);
            await Task.Delay(TimeSpan.FromSeconds(2));
            using (var run = new CancellationTokenSource(TimeSpan.FromSeconds(options.Seconds)))
            {
                await people.RunAsync(options.People, record: true, run.Token);
            }

            await flood.CancelAsync();
            await botRun;
            clock.Stop();
            var floodCpu = cpu.Since();
            if (options.BaselineSeconds > 0)
            {
                Print("calm  ", calm);
                Console.WriteLine("FLOOD calm    CPU " + calmCpu);
            }

            Console.WriteLine("FLOOD flood   CPU " + floodCpu);
            return Report(options, people, bots, clock.Elapsed, calm);
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

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static void Print(string phase, People people)
    {
        var sends = people.SendMilliseconds.Order().ToArray();
        Console.WriteLine(FormattableString.Invariant(
            $"FLOOD {phase}  people sends={sends.Length} (with JavaScript {people.WithScript}, without {people.WithoutScript}) refused={people.Refusals.Count} p50_ms={Percentile(sends, 0.50):F1} p99_ms={Percentile(sends, 0.99):F1} max_ms={(sends.Length == 0 ? 0 : sends[^1]):F1}"));
        foreach (var why in people.Refusals.GroupBy(w => w).OrderByDescending(g => g.Count()))
        {
            Console.WriteLine(FormattableString.Invariant($"FLOOD {phase}  people refused {why.Count()}x: {why.Key}"));
        }
    }

    private static int Report(Options options, People people, Bots bots, TimeSpan elapsed, People calm)
    {
        var sends = people.SendMilliseconds.Order().ToArray();
        double Percentile(double p) => FloodBench.Percentile(sends, p);
        var refusedPeople = people.Refusals.Count + calm.Refusals.Count;
        Print("flood ", people);
        var calmSends = calm.SendMilliseconds.Order().ToArray();
        if (calmSends.Length > 0 && sends.Length > 0)
        {
            Console.WriteLine(FormattableString.Invariant(
                $"FLOOD ratio   people's p50 during the flood / calm: {Percentile(0.50) / FloodBench.Percentile(calmSends, 0.50):F2}, p99: {Percentile(0.99) / FloodBench.Percentile(calmSends, 0.99):F2}"));
        }

        long total = 0, accepted = 0;
        foreach (var kind in Enum.GetValues<BotKind>())
        {
            var submitted = bots.Submissions(kind);
            var passed = bots.Accepted(kind);
            total += submitted;
            accepted += passed;
            Console.WriteLine(FormattableString.Invariant(
                $"FLOOD bots    {kind,-15} submissions={submitted} accepted={passed} refused={Share(submitted - passed, submitted)}"));
        }

        Console.WriteLine(FormattableString.Invariant(
            $"FLOOD bots    all             submissions={total} ({total / elapsed.TotalSeconds:F0}/s from {Math.Min(options.Bots * 4, 249)} addresses) accepted={accepted} refused={Share(total - accepted, total)} connection errors={bots.Errors}"));

        var ok = refusedPeople == 0 && sends.Length > 0;
        var fast = Percentile(0.99) <= TargetP99Milliseconds;
        Console.WriteLine(FormattableString.Invariant(
            $"FLOOD result  {(ok && (fast || options.Smoke) ? "PASS" : "FAIL")}: {(ok ? "every person's report was sent" : "a person's report was refused, or none was sent")}, p99 {Percentile(0.99):F0} ms (target <= {TargetP99Milliseconds:F0} ms{(options.Smoke ? ", not judged in smoke mode" : string.Empty)})"));
        return ok && (fast || options.Smoke) ? 0 : 3;
    }

    private static string Share(long part, long whole) => whole == 0 ? "n/a" : (100.0 * part / whole).ToString("F1", CultureInfo.InvariantCulture) + "%";

    private static Process Start(Options options, string data)
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

        // The default per-client limits stay: they are half of what this measures. The API requires the work. The wait
        // without JavaScript is Lantern's default (20 s) in a full run, 3 s in smoke mode so that a run of seconds sees
        // people without JavaScript send at all (bots that take longer than that to post their steps then get through).
        start.Environment["Lantern__Flood__ApiProofOfWork"] = "true";
        start.Environment["Lantern__Flood__NoScriptWaitSeconds"] = options.WaitSeconds.ToString(CultureInfo.InvariantCulture);
        start.Environment["Logging__LogLevel__Default"] = "Warning";
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

    private static async Task WaitHealthyAsync(Uri server, Process lantern)
    {
        using var http = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromSeconds(10) };
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
}

internal sealed record Options(string Lantern, int Port, int Seconds, int WarmupSeconds, int BaselineSeconds, int People, int Bots, int PauseMilliseconds, int WaitSeconds, bool Smoke)
{
    public static Options Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        int Number(string name, int fallback) => Value(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
        var lantern = Value("--lantern") ?? throw new ArgumentException("--lantern PATH/Lantern.Web.dll is required");
        var smoke = Value("--smoke") == "1";
        return smoke
            ? new Options(lantern, Number("--port", 5784), 6, 0, 0, 4, 24, 100, 3, Smoke: true)
            : new Options(lantern, Number("--port", 5784), Number("--seconds", 60), Number("--warmup", 10), Number("--baseline", 30), Number("--people", 8), Number("--bots", 64),
                Number("--pause-ms", 700), Number("--wait", 20), Smoke: false);
    }
}

using System.Diagnostics;

namespace Lantern.Bench.KillFlood;

/// <summary>
/// One database's half: Lantern started, the flood begun, then every interval a kill (SIGKILL to Lantern, the database
/// crashed too when it can be) and a restart, waiting for readiness, while the clients keep sending; after the last
/// kill one more interval of flood, the flood stopped (requests in flight finish), one more kill and restart so that
/// the check reads from a process that knows only what is on disk (not in the smoke), and the staff check of every
/// acknowledgement.
/// </summary>
internal sealed class KillFloodRun(FloodOptions options, DatabaseUnderTest database, string logDirectory)
{
    public async Task<KillFloodOutcome> RunAsync()
    {
        var total = Stopwatch.StartNew();
        using var data = new TempFolder($"lantern-killflood-{database.Name}.");
        using var lantern = new LanternServer(options.Lantern, options.Port, data.Path, database.LanternSettings,
            Path.Combine(logDirectory, $"killflood-{database.Name}-lantern.log"));

        // The probe and the check have connections of their own: the flood's clients hold all of theirs.
        using var probe = new HttpClient(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(3) }) { Timeout = TimeSpan.FromSeconds(60) };
        using var floodHttp = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = options.Clients,
            ConnectTimeout = TimeSpan.FromSeconds(3),
        })
        { Timeout = Timeout.InfiniteTimeSpan };

        await lantern.StartAsync(probe);

        // The staff account and token first, with the commands an operator runs: a kill could cut them, and run
        // under the flood they would take many seconds more (each is a Lantern process of its own).
        var staff = new StaffCheck(probe, lantern);
        var commands = Stopwatch.StartNew();
        var token = await staff.TokenAsync();
        commands.Stop();
        var flood = new ReportFlood(floodHttp, lantern.BaseAddress);
        var restarts = new List<TimeSpan>();
        var upTime = TimeSpan.Zero;
        flood.Start(options.Clients);
        try
        {
            for (var kill = 1; kill <= options.Kills; kill++)
            {
                upTime += await FloodForAsync(options.IntervalSeconds);
                flood.Disturbed = true;
                restarts.Add(await KillAndRestartAsync(lantern, probe, kill));
                flood.Disturbed = false;
            }

            upTime += await FloodForAsync(options.IntervalSeconds);
        }
        finally
        {
            await flood.StopAsync();
        }

        var acknowledged = flood.Acknowledged;

        // The smoke saves a restart (seconds of start-up, twice) and reads from the process started at the last kill.
        var killAfter = !options.Smoke;
        if (killAfter)
        {
            await KillAndRestartAsync(lantern, probe, options.Kills + 1);
        }

        var checking = Stopwatch.StartNew();
        var check = await staff.RunAsync(token, acknowledged, options.CheckConcurrency);
        checking.Stop();
        await lantern.KillAsync();
        return new KillFloodOutcome(database, options.Kills, killAfter, acknowledged.Count, check, checking.Elapsed, commands.Elapsed,
            total.Elapsed, flood.Cut, flood.CutUndisturbed, flood.NotListening, flood.Refused, flood.Unexpected, flood.Elapsed, upTime, restarts);
    }

    private static async Task<TimeSpan> FloodForAsync(double seconds)
    {
        var clock = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        return clock.Elapsed;
    }

    /// <summary>
    /// Lantern killed and, with a private cluster, the database crashed: on odd kills Lantern first (reports in flight
    /// die with it), on even ones the database first and Lantern half a second later (commits in flight fail under a
    /// running Lantern, which must not answer 201 for them). Returns the time from the kill until Lantern is ready again.
    /// </summary>
    private async Task<TimeSpan> KillAndRestartAsync(LanternServer lantern, HttpClient probe, int kill)
    {
        var clock = Stopwatch.StartNew();
        if (database.Crashes && kill % 2 == 0)
        {
            await database.CrashAsync();
            await Task.Delay(500);
            await lantern.KillAsync();
        }
        else
        {
            await lantern.KillAsync();
            await database.CrashAsync();
        }

        await database.StartAgainAsync();
        await lantern.StartAsync(probe);
        return clock.Elapsed;
    }
}

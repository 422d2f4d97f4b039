namespace Lantern.Bench.KillFlood;

// "Nothing lost" (issue 15): a flood of POST /api/v1/reports from N clients while the published Lantern is killed with
// SIGKILL every few seconds and started again on the same data; every reference answered 201 (kept in this process's
// memory only) must afterwards be readable by staff. On SQLite, then on PostgreSQL when BENCH_POSTGRES is set: a private
// cluster the run starts itself and crashes with every kill (pg_ctl stop -m immediate), since BENCH_POSTGRES's server is
// not ours to restart; where no private cluster can be made (no runuser, initdb or root), a database of the run's own on
// BENCH_POSTGRES's server, with Lantern alone killed, and the output says so.
//
// Usage: KillFlood --lantern PATH/Lantern.Web.dll [--port 5784] [--clients 16] [--kills 5] [--interval 10]
//                  [--check-concurrency 8] [--logs DIR] [--smoke 1]
// --smoke 1 (CI): 4 clients, 2 kills 2 s apart. Exit: 0 nothing lost; 3 a report lost or a wrong answer; 1 broken.
internal static class KillFloodBench
{
    public static async Task<int> Main(string[] args)
    {
        try
        {
            return await RunAllAsync(args);
        }
        catch (Exception exception) when (exception is InvalidOperationException or ArgumentException or IOException or HttpRequestException or System.ComponentModel.Win32Exception)
        {
            Console.WriteLine($"KILLFLOOD BROKEN: {exception.Message}");
            return 1;
        }
        finally
        {
            Teardown.AwaitStop();
        }
    }

    private static async Task<int> RunAllAsync(string[] args)
    {
        var options = FloodOptions.Parse(args);
        var logs = args.SkipWhile(a => a != "--logs").Skip(1).FirstOrDefault() ?? ".";
        Console.WriteLine($"KILLFLOOD settings: {options.Clients} clients, {options.Kills} kills {options.IntervalSeconds:0.#} s apart{(options.Smoke ? " (smoke)" : string.Empty)}");
        var passed = await RunAsync(options, DatabaseUnderTest.Sqlite(), logs);

        var postgres = Environment.GetEnvironmentVariable("BENCH_POSTGRES");
        if (string.IsNullOrWhiteSpace(postgres))
        {
            Console.WriteLine("KILLFLOOD postgres SKIPPED: set BENCH_POSTGRES (e.g. Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres) to run it");
        }
        else if (PrivatePostgres.Unavailable() is { } why)
        {
            Console.WriteLine($"KILLFLOOD postgres: no private cluster ({why}): only Lantern is killed, PostgreSQL is not restarted");
            passed &= await RunAsync(options, await DatabaseUnderTest.SharedPostgresAsync(postgres, why), logs);
        }
        else
        {
            passed &= await RunAsync(options, await DatabaseUnderTest.PrivatePostgresAsync(), logs);
        }

        return passed ? 0 : 3;
    }

    private static async Task<bool> RunAsync(FloodOptions options, DatabaseUnderTest database, string logs)
    {
        await using (database)
        {
            var outcome = await new KillFloodRun(options, database, logs).RunAsync();
            foreach (var line in outcome.Lines())
            {
                Console.WriteLine(line);
            }

            return outcome.Passed;
        }
    }
}

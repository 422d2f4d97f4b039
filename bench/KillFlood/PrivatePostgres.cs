using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Lantern.Bench.KillFlood;

/// <summary>
/// A PostgreSQL cluster of the run's own, which it may crash: initdb into a temporary folder as the <c>postgres</c> user
/// (with runuser, as .ci/run does without systemd), started on a free port of 127.0.0.1 with the durability settings
/// of production (fsync, synchronous_commit and full_page_writes on: durability is what is measured), stopped with
/// <c>pg_ctl stop -m immediate</c> (the equivalent of a crash: no checkpoint, recovery from the WAL at the next start).
/// </summary>
internal sealed class PrivatePostgres : IDisposable
{
    private readonly string _bin;
    private readonly DirectoryInfo _folder;
    private bool _running;

    private PrivatePostgres(string bin, DirectoryInfo folder, int port)
    {
        _bin = bin;
        _folder = folder;
        Port = port;

        // Stopped with the bench (SIGTERM from a timeout, Ctrl+C) too, so that no cluster outlives the run.
        Teardown.Register(this);
    }

    public int Port { get; }

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=lantern_killflood;Pooling=true";

    /// <summary>Why a private cluster cannot be made here, or null when it can.</summary>
    public static string? Unavailable()
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root")
        {
            return "runuser needs root";
        }

        if (!File.Exists("/usr/sbin/runuser") && !File.Exists("/sbin/runuser"))
        {
            return "runuser is missing";
        }

        if (Bin() is null)
        {
            return "no PostgreSQL server binaries in /usr/lib/postgresql/*/bin (initdb, pg_ctl)";
        }

        return File.ReadLines("/etc/passwd").Any(l => l.StartsWith("postgres:", StringComparison.Ordinal)) ? null : "no postgres user";
    }

    public static async Task<PrivatePostgres> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("lantern-killflood-pg.");
        var cluster = new PrivatePostgres(Bin()!, folder, FreePort());
        try
        {
            await RunAsync(folder.FullName, "chown", "postgres:postgres", folder.FullName);
            await cluster.PgAsync("initdb", "-D", cluster.Data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8");
            await cluster.StartAgainAsync();
            return cluster;
        }
        catch
        {
            cluster.Dispose();
            throw;
        }
    }

    /// <summary>The crash: every server process stops at once, without a checkpoint.</summary>
    public async Task CrashAsync()
    {
        await PgAsync("pg_ctl", "-D", Data, "-m", "immediate", "-w", "stop");
        _running = false;
    }

    /// <summary>Starts the server (recovering from the WAL after a crash) and waits until it accepts connections.</summary>
    public async Task StartAgainAsync()
    {
        _running = true; // also when start fails half-way: Dispose then stops whatever did start
        await PgAsync("pg_ctl", "-D", Data, "-l", Path.Combine(_folder.FullName, "server.log"), "-w", "-t", "120", "-o",
            $"-p {Port} -c listen_addresses=127.0.0.1 -k {_folder.FullName} -c fsync=on -c synchronous_commit=on -c full_page_writes=on -c max_connections=200",
            "start");
    }

    public void Dispose()
    {
        Teardown.Unregister(this);
        if (_running)
        {
            _running = false;
            try
            {
                PgAsync("pg_ctl", "-D", Data, "-m", "immediate", "-w", "stop").GetAwaiter().GetResult();
            }
            catch (InvalidOperationException)
            {
                // Already gone; the folder goes anyway.
            }
        }

        try
        {
            _folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A temp folder is not worth failing the run for.
        }
    }

    private string Data => Path.Combine(_folder.FullName, "data");

    private static string? Bin() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "initdb")) && File.Exists(Path.Combine(b, "pg_ctl")))
                .OrderBy(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var major) ? major : 0)
                .LastOrDefault()
            : null;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A PostgreSQL program as the postgres user, from the cluster's folder (it may not enter the caller's).</summary>
    private Task PgAsync(string program, params string[] arguments) =>
        RunAsync(_folder.FullName, "runuser", ["-u", "postgres", "--", Path.Combine(_bin, program), .. arguments]);

    private static async Task RunAsync(string directory, string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error}{await output}");
        }
    }
}

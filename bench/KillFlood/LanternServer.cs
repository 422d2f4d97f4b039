using System.Diagnostics;

namespace Lantern.Bench.KillFlood;

/// <summary>
/// The published Lantern as production runs it (Production environment, its own data directory, 127.0.0.1 only),
/// started, killed with SIGKILL and started again on the same data directory and database. Its output goes to a log
/// file beside the data directory, each start marked.
/// </summary>
internal sealed class LanternServer : IDisposable
{
    private readonly string _dll;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly StreamWriter _log;
    private Process? _process;
    private int _starts;

    public LanternServer(string dll, int port, string dataDirectory, IReadOnlyDictionary<string, string> database, string logPath)
    {
        _dll = dll;
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
        var environment = new Dictionary<string, string>(database)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["Lantern__DataDirectory"] = dataDirectory,

            // Every request comes from 127.0.0.1: the per-client limits would measure the limiter, not durability.
            ["Lantern__RateLimits__IntakePerClientPerMinute"] = "100000000",
            ["Lantern__RateLimits__RequestsPerClientPerMinute"] = "100000000",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Warning",
        };
        _environment = environment;
        _log = new StreamWriter(logPath, append: true) { AutoFlush = true };

        // Stopped with the bench (SIGTERM from a timeout, Ctrl+C) too, so that no Lantern outlives the run.
        Teardown.Register(this);
    }

    public Uri BaseAddress { get; }

    /// <summary>Starts Lantern and waits until <c>/healthz/ready</c> answers 200 (the database reachable).</summary>
    public async Task StartAsync(HttpClient probe)
    {
        _starts++;
        _process?.Dispose();
        Write($"--- start {_starts} at {DateTime.UtcNow:O}");
        var start = Info();
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(BaseAddress.ToString().TrimEnd('/'));
        _process = Process.Start(start) ?? throw new InvalidOperationException("Lantern did not start.");
        _process.OutputDataReceived += (_, e) => Write(e.Data);
        _process.ErrorDataReceived += (_, e) => Write(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(2))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Lantern exited during start-up (code {_process.ExitCode}); see its log.");
            }

            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                using var response = await probe.GetAsync(new Uri(BaseAddress, "/healthz/ready"), timeout.Token);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException("Lantern was not ready within 2 minutes.");
    }

    /// <summary>SIGKILL: no shutdown, no flush, no disposal; whatever was not durable is gone.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            await process.WaitForExitAsync();
            Write($"--- killed (SIGKILL) at {DateTime.UtcNow:O}");
        }
    }

    /// <summary>Runs an administration command (docs/OPERATIONS.md) against the same data directory and database.</summary>
    public async Task<(int ExitCode, string Output)> CommandAsync(params string[] arguments)
    {
        var start = Info();
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("The command did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        Write($"--- command {arguments[0]} {arguments[1]}: exit {process.ExitCode}; {(await error).Trim()}");
        return (process.ExitCode, await output);
    }

    public void Dispose()
    {
        Teardown.Unregister(this);
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            process.WaitForExit();
        }

        _process?.Dispose();
        _log.Dispose();
    }


    private ProcessStartInfo Info()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(_dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(_dll);
        foreach (var (name, value) in _environment)
        {
            start.Environment[name] = value;
        }

        return start;
    }

    private void Write(string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                try
                {
                    _log.WriteLine(line);
                }
                catch (ObjectDisposedException)
                {
                    // The last lines of a process being killed at teardown.
                }
            }
        }
    }
}

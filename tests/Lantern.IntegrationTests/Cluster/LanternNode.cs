using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Lantern.IntegrationTests.Cluster;

/// <summary>
/// One Lantern process as an operator runs it (the built Lantern.Web.dll, Production configuration) on a port of
/// 127.0.0.1, with a data directory of its own that holds only the keys copied from the first node.
/// </summary>
public sealed class LanternNode : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private LanternNode(Process process, int port, string dataDirectory)
    {
        _process = process;
        Port = port;
        DataDirectory = dataDirectory;
    }

    public int Port { get; }

    public string DataDirectory { get; }

    public string Address => $"127.0.0.1:{Port}";

    public bool Running => !_process.HasExited;

    /// <summary>What the process wrote, for a failing test's message.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<LanternNode> StartAsync(string keysFrom, string connectionString, CancellationToken cancellationToken)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "lantern-node-" + Guid.NewGuid().ToString("N"));
        CopyFolder(Path.Combine(keysFrom, "keys"), Path.Combine(dataDirectory, "keys"));
        var port = FreePort();
        var start = Dotnet(AppContext.BaseDirectory, AppContext.BaseDirectory);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Lantern__DataDirectory"] = dataDirectory;
        start.Environment["Lantern__Database__Provider"] = "Postgres";
        start.Environment["ConnectionStrings__Lantern"] = connectionString;
        start.Environment["Lantern__KnownProxies__0"] = "127.0.0.1";

        // One test client stands for every visitor here: the per-client limits are not what this test is about.
        start.Environment["Lantern__RateLimits__IntakePerClientPerMinute"] = "100000";
        start.Environment["Lantern__RateLimits__RequestsPerClientPerMinute"] = "100000";
        start.Environment["Lantern__Flood__NoScriptWaitSeconds"] = "0";
        var node = new LanternNode(Process.Start(start)!, port, dataDirectory);
        node.Capture();
        await node.WaitReadyAsync(cancellationToken);
        return node;
    }

    /// <summary>
    /// A published Lantern (<paramref name="publishedFolder"/>, what <c>dotnet publish</c> made) started as OPERATIONS.md
    /// says, from <paramref name="workingDirectory"/> (not its own folder), on SQLite in a fresh data directory.
    /// </summary>
    public static async Task<LanternNode> StartPublishedAsync(string publishedFolder, string workingDirectory, CancellationToken cancellationToken)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "lantern-node-" + Guid.NewGuid().ToString("N"));
        var port = FreePort();
        var start = Dotnet(publishedFolder, workingDirectory);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Lantern__DataDirectory"] = dataDirectory;
        var node = new LanternNode(Process.Start(start)!, port, dataDirectory);
        node.Capture();
        await node.WaitReadyAsync(cancellationToken);
        return node;
    }

    /// <summary>Stopped as a service manager stops it (SIGTERM); the exit code once it has shut down.</summary>
    public async Task<int> StopAsync(CancellationToken cancellationToken)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(cancellationToken);
        }

        await _process.WaitForExitAsync(cancellationToken);
        return _process.ExitCode;
    }

    /// <summary>The machine dies: no shutdown, no lease given back, requests in flight cut.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Never fail a test run over a temp folder.
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary><c>dotnet Lantern.Web.dll</c> of <paramref name="folder"/>, its output captured.</summary>
    private static ProcessStartInfo Dotnet(string folder, string workingDirectory)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(Path.Combine(folder, "Lantern.Web.dll"));
        return start;
    }

    private void Capture()
    {
        void Append(object _, DataReceivedEventArgs line)
        {
            if (line.Data is { } data)
            {
                lock (_output)
                {
                    _output.AppendLine(data);
                }
            }
        }

        _process.OutputDataReceived += Append;
        _process.ErrorDataReceived += Append;
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    private async Task WaitReadyAsync(CancellationToken cancellationToken)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Lantern on port {Port} stopped at start:\n{Output}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri($"http://{Address}/healthz/ready"), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Not answering yet.
            }

            await Task.Delay(200, cancellationToken);
        }

        throw new TimeoutException($"Lantern on port {Port} was not ready within two minutes:\n{Output}");
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var folder in Directory.GetDirectories(from))
        {
            CopyFolder(folder, Path.Combine(to, Path.GetFileName(folder)));
        }
    }
}

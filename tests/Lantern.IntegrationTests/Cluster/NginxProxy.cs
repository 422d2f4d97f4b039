using System.Diagnostics;
using System.Globalization;

namespace Lantern.IntegrationTests.Cluster;

/// <summary>
/// Debian's nginx in front of the nodes, round-robin with no stickiness, as docs/OPERATIONS.md describes; every answer
/// carries the node that gave it (<c>X-Lantern-Upstream</c>), so the test can show its requests alternated.
/// </summary>
public sealed class NginxProxy : IAsyncDisposable
{
    public const string UpstreamHeader = "X-Lantern-Upstream";

    private readonly Process _process;
    private readonly string _folder;

    private NginxProxy(Process process, string folder, int port)
    {
        _process = process;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    public Uri Origin => new($"http://127.0.0.1:{Port}");

    public string ErrorLog => File.Exists(Path.Combine(_folder, "error.log")) ? File.ReadAllText(Path.Combine(_folder, "error.log")) : string.Empty;

    public static async Task<NginxProxy> StartAsync(string nginx, IEnumerable<LanternNode> nodes, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), "lantern-nginx-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var port = LanternNode.FreePort();
        var servers = string.Concat(nodes.Select(n => $"    server {n.Address} max_fails=1 fail_timeout=60s;\n"));
        var configuration = string.Create(CultureInfo.InvariantCulture, $$"""
            worker_processes 1;
            daemon off;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log warn;
            events { worker_connections 512; }
            http {
              access_log off;
              client_body_temp_path {{folder}}/body;
              proxy_temp_path {{folder}}/proxy;
              fastcgi_temp_path {{folder}}/fastcgi;
              uwsgi_temp_path {{folder}}/uwsgi;
              scgi_temp_path {{folder}}/scgi;
              client_max_body_size 20m;
              upstream lantern {
            {{servers}}  }
              server {
                listen 127.0.0.1:{{port}};
                location / {
                  proxy_pass http://lantern;
                  proxy_set_header Host $http_host;
                  proxy_set_header X-Forwarded-For $remote_addr;
                  proxy_set_header X-Forwarded-Proto $scheme;
                  proxy_next_upstream error timeout;
                  add_header {{UpstreamHeader}} $upstream_addr always;
                }
              }
            }
            """);
        var file = Path.Combine(folder, "nginx.conf");
        await File.WriteAllTextAsync(file, configuration, cancellationToken);
        var start = new ProcessStartInfo(nginx) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "-p", folder, "-c", file, "-e", Path.Combine(folder, "error.log") })
        {
            start.ArgumentList.Add(argument);
        }

        var proxy = new NginxProxy(Process.Start(start)!, folder, port);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (proxy._process.HasExited)
            {
                throw new InvalidOperationException($"nginx stopped at start: {await proxy._process.StandardError.ReadToEndAsync(cancellationToken)}\n{proxy.ErrorLog}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri(proxy.Origin, "/healthz/live"), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return proxy;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new TimeoutException("nginx did not answer within ten seconds:\n" + proxy.ErrorLog);
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
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Never fail a test run over a temp folder.
        }
    }
}

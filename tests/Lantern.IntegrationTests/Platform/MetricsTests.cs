using System.Net;
using System.Net.Sockets;
using Lantern.IntegrationTests.Detection;
using Lantern.IntegrationTests.Infrastructure;

namespace Lantern.IntegrationTests.Platform;

/// <summary>Lantern with the Prometheus endpoint on (issue 15): its own port, never the site's.</summary>
public sealed class MetricsFactory : SqliteLanternFactory
{
    public int MetricsPort { get; } = FreePort();

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Lantern:Metrics:Enabled"] = "true",
        ["Lantern:Metrics:Port"] = MetricsPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>
/// The metrics an operator scrapes (reports received by channel, waiting work, request latency) on their own listener,
/// with nothing of a person in them; the liveness and readiness probes.
/// </summary>
public sealed class MetricsTests(MetricsFactory factory) : LanternTestBase<MetricsFactory>(factory)
{
    [Fact]
    public async Task TheMetrics_CountReportsAndWaitingWork_OnTheirOwnPort_AndNotOnTheSite()
    {
        var reference = await DetectedReports.SendAsync(Factory, "Metrics test: they work at night in the bakery.", Cancellation);

        using var scraper = new HttpClient();
        var metrics = await scraper.GetStringAsync(new Uri($"http://127.0.0.1:{Factory.MetricsPort}/metrics"), Cancellation);
        using var site = await CreateClientWithoutRedirects().GetAsync("/metrics", Cancellation);

        Assert.Matches(@"lantern_reports_received(_report)?_total\{[^}]*channel=""api""[^}]*\} [1-9]", metrics);
        Assert.Contains("lantern_outbox_backlog", metrics, StringComparison.Ordinal);
        Assert.Contains("lantern_reports_acknowledgement_overdue", metrics, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds_bucket", metrics, StringComparison.Ordinal);
        Assert.DoesNotContain(reference, metrics, StringComparison.Ordinal);
        // The visitor's address (127.0.0.1 here) nowhere: not as client_address, not in any label. Where a server listens
        // is not a visitor's: Kestrel's connection metrics name it (server_address), and OpenTelemetry reads every
        // Kestrel meter of the process, so another test's server may be named here too.
        Assert.DoesNotContain("client_address", metrics, StringComparison.Ordinal);
        var withoutServers = metrics
            .Replace($"127.0.0.1:{Factory.MetricsPort}", string.Empty, StringComparison.Ordinal)
            .Replace("server_address=\"127.0.0.1\"", string.Empty, StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1", withoutServers, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, site.StatusCode);
    }

    [Theory]
    [InlineData("/healthz/live")]
    [InlineData("/healthz/ready")]
    [InlineData("/healthz")]
    public async Task TheProbes_AnswerHealthy(string path)
    {
        using var response = await CreateClientWithoutRedirects().GetAsync(path, Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(Cancellation));
    }
}

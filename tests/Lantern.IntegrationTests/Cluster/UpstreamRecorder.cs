using System.Net;

namespace Lantern.IntegrationTests.Cluster;

/// <summary>
/// A browser's way through the proxy: follows redirects itself (a POST answered 302/303 becomes a GET, as browsers do)
/// so that every hop is a request of its own, and records which node answered each one and with what status.
/// </summary>
public sealed class UpstreamRecorder() : DelegatingHandler(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
{
    private readonly List<(string Node, HttpStatusCode Status, string Path)> _hops = [];

    public IReadOnlyList<(string Node, HttpStatusCode Status, string Path)> Hops
    {
        get
        {
            lock (_hops)
            {
                return [.. _hops];
            }
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await SendRecordedAsync(request, cancellationToken);
        for (var redirects = 0; redirects < 10 && (int)response.StatusCode is 301 or 302 or 303 or 307 or 308 && response.Headers.Location is { } location; redirects++)
        {
            var next = new HttpRequestMessage(
                response.StatusCode is HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect ? request.Method : HttpMethod.Get,
                new Uri(request.RequestUri!, location));
            response.Dispose();
            request = next;
            response = await SendRecordedAsync(request, cancellationToken);
        }

        return response;
    }

    private async Task<HttpResponseMessage> SendRecordedAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        // nginx lists every node it tried ("a, b" when a refused the connection): the last one answered.
        var node = response.Headers.TryGetValues(NginxProxy.UpstreamHeader, out var values)
            ? string.Join(",", values).Split(',').Last().Trim()
            : "(none)";
        lock (_hops)
        {
            _hops.Add((node, response.StatusCode, request.RequestUri!.AbsolutePath));
        }

        response.RequestMessage = request;
        return response;
    }
}

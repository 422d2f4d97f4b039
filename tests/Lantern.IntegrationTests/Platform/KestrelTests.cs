using System.Net;
using Lantern.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.IntegrationTests.Platform;

/// <summary>Lantern on a real Kestrel socket on a free port of 127.0.0.1.</summary>
public sealed class KestrelLanternFactory : SqliteLanternFactory
{
    public KestrelLanternFactory() => UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));

    /// <summary>The address Kestrel listens on, once started.</summary>
    public Uri Address
    {
        get
        {
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            return new Uri(Assert.Single(addresses));
        }
    }
}

/// <summary>The in-memory server never sends a Server header; Kestrel does unless told not to.</summary>
public sealed class KestrelTests(KestrelLanternFactory factory) : LanternTestBase<KestrelLanternFactory>(factory)
{
    [Theory]
    [InlineData("/healthz", HttpStatusCode.OK)]
    [InlineData("/", HttpStatusCode.Redirect)]
    [InlineData("/xx/", HttpStatusCode.NotFound)]
    public async Task OverARealSocket_NoServerHeader_AndTheSecurityHeaders(string path, HttpStatusCode expected)
    {
        using var handler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false };
        using var client = new HttpClient(handler) { BaseAddress = Factory.Address };

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Cancellation);

        Assert.Equal(expected, response.StatusCode);
        SecurityHeaderAssert.Present(response);
    }
}

using Lantern.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Lantern.BrowserTests;

/// <summary>
/// The guards the journeys rely on must themselves catch what they are for: a page with a known accessibility
/// fault, and a page that pulls a resource from another origin. The pages are served under Lantern's origin
/// and with Lantern's Content-Security-Policy, as if Lantern had rendered them.
/// </summary>
public sealed class InfrastructureTests(LanternBrowser lantern)
{
    private const string FaultyPage =
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Probe</title></head>" +
        "<body><main><h1>Probe</h1><img src=\"/probe.png\"><a href=\"/x\"></a></main></body></html>";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AxeCheck_OnAPageWithAnUnlabelledImage_FailsNamingTheRuleAndElement(bool javaScript)
    {
        await using var session = await lantern.OpenAsync(javaScript);
        await ServeAsync(session, "/probe", FaultyPage);

        await session.Page.GotoAsync("/probe");
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => session.AssertAccessibleAsync());

        Assert.Contains("image-alt", failure.Message, StringComparison.Ordinal);
        Assert.Contains("critical", failure.Message, StringComparison.Ordinal);
        Assert.Contains("img", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task OriginGuard_OnAPageLoadingAForeignImage_RecordsAndBlocksIt(bool javaScript)
    {
        await using var session = await lantern.OpenAsync(javaScript);
        await ServeAsync(session, "/probe", "<!doctype html><html lang=\"en\"><title>Probe</title><img alt=\"\" src=\"https://tracker.test/pixel.png\">");

        await session.Page.GotoAsync("/probe");

        Assert.Equal(["https://tracker.test/pixel.png"], session.ForeignRequests);
        Assert.ThrowsAny<Exception>(session.AssertNoForeignRequests);
    }

    private static async Task ServeAsync(BrowserSession session, string path, string html) =>
        await session.Page.RouteAsync(path, route => route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 200,
            ContentType = "text/html; charset=utf-8",
            Body = html,
            Headers = new Dictionary<string, string>
            {
                ["Content-Security-Policy"] = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
            },
        }));
}

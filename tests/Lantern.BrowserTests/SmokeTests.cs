using System.Net;
using Lantern.BrowserTests.Infrastructure;

namespace Lantern.BrowserTests;

/// <summary>The browser infrastructure itself, against what every Lantern build serves.</summary>
public sealed class SmokeTests(LanternBrowser lantern)
{
    [Fact]
    public async Task Healthz_OnTheRealServer_Answers200()
    {
        using var client = new HttpClient { BaseAddress = lantern.Server.Origin };

        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("en", "en")]
    [InlineData("fr-BE,fr;q=0.9,en;q=0.5", "fr")]
    [InlineData("nl", "nl")]
    public async Task Root_InTheBrowser_LandsOnTheVisitorsLanguage(string acceptLanguage, string expected)
    {
        await using var session = await lantern.OpenAsync(acceptLanguage: acceptLanguage);

        await session.Page.GotoAsync("/");

        Assert.Equal($"/{expected}/", new Uri(session.Page.Url).AbsolutePath);
        session.AssertNoForeignRequests();
    }
}

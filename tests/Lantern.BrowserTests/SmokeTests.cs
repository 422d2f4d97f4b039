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
    [InlineData("nl-BE", "nl")]
    [InlineData("de", "de")]
    [InlineData("pt-BR", "pt")]
    [InlineData("ja", "en")]
    public async Task Root_InTheBrowser_LandsOnTheVisitorsLanguageWithHtmlLang(string acceptLanguage, string expected)
    {
        await using var session = await lantern.OpenAsync(acceptLanguage: acceptLanguage);

        var response = await session.Page.GotoAsync("/");

        Assert.Equal(200, response!.Status);
        Assert.Equal($"/{expected}/", new Uri(session.Page.Url).AbsolutePath);
        Assert.Equal(expected, await session.Page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("ltr", await session.Page.Locator("html").GetAttributeAsync("dir"));
        session.AssertNoForeignRequests();
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("nl")]
    [InlineData("de")]
    [InlineData("en")]
    public async Task NotFound_UnderALanguage_IsInThatLanguage_WithTheEscapeButton_AndPassesAxe(string language)
    {
        // The browser asks for another language: the address's wins.
        await using var session = await lantern.OpenAsync(acceptLanguage: language == "de" ? "nl" : "de");

        var response = await session.Page.GotoAsync($"/{language}/no-such-page");

        Assert.Equal(404, response!.Status);
        Assert.Equal(language, await session.Page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal(lantern.Text(language, "error.404.title"), (await session.Page.Locator("main h1").InnerTextAsync()).Trim());
        // The escape link ends the visit on Lantern first (/escape), which then sends the browser to the neutral site.
        Assert.Equal("/escape", await session.Page.Locator("#escape").GetAttributeAsync("href"));
        await session.AssertAccessibleAsync();
        session.AssertNoForeignRequests();
    }
}

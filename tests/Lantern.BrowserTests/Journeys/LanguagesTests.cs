using Lantern.BrowserTests.Infrastructure;
using Lantern.Web.Platform.Localisation;

namespace Lantern.BrowserTests.Journeys;

/// <summary>
/// Every public page that opens without a session, in each of the 24 languages, on a 320-pixel-wide phone (also what
/// 1280 pixels at 400% zoom give): it passes axe, loads nothing from another origin, never scrolls sideways (right to
/// left included), and the language chooser leads to the same page in another language. One browser context per language.
/// </summary>
public sealed class LanguagesTests(LanternBrowser lantern)
{
    private static readonly string[] _pages = ["", "languages", "self-check", "learn", "learn/signs-by-sector", "resources", "statistics", "help", "help/surya", "follow-up", "report/victim", "no-such-page"];

    public static TheoryData<string> Languages => [.. LanguageSettings.DefaultEnabled];

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task EveryPublicPage_PassesAxe_AndNeverScrollsSideways_At320Pixels(string language)
    {
        await using var session = await lantern.OpenAsync(javaScript: true, acceptLanguage: language, viewportWidth: 320);
        var page = session.Page;
        var direction = LanguageSettings.IsRightToLeft(language) ? "rtl" : "ltr";

        foreach (var path in _pages)
        {
            var response = await page.GotoAsync($"/{language}/{path}");

            Assert.Equal(path == "no-such-page" ? 404 : 200, response!.Status);
            Assert.Equal(language, await page.Locator("html").GetAttributeAsync("lang"));
            Assert.Equal(direction, await page.Locator("html").GetAttributeAsync("dir"));
            Assert.Equal(lantern.Text(language, "escape.label"), (await page.Locator("#escape span").First.InnerTextAsync()).Trim());
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0, $"/{language}/{path} scrolls sideways by {overflow} px at 320 px");
            await session.AssertAccessibleAsync();
        }

        session.AssertNoForeignRequests();
    }

    [Fact]
    public async Task TheChooser_WithoutJavaScript_TakesTheVisitorToTheSamePageInArabic()
    {
        await using var session = await lantern.OpenAsync(javaScript: false, acceptLanguage: "fr");
        var page = session.Page;
        await page.GotoAsync("/fr/help");

        await session.ClickAndLoadAsync(page.Locator("a.language-link"));
        await session.ClickAndLoadAsync(page.Locator("ul.language-list a[lang=ar]"));

        Assert.Equal("/ar/help", new Uri(page.Url).AbsolutePath);
        Assert.Equal("rtl", await page.Locator("html").GetAttributeAsync("dir"));
        Assert.Equal(lantern.Text("ar", "help.title"), (await page.Locator("main h1").InnerTextAsync()).Trim());
    }
}

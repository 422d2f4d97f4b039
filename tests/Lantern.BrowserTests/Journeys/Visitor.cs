using System.Text.RegularExpressions;
using Lantern.BrowserTests.Infrastructure;
using Lantern.Web.Platform.Localisation;
using Microsoft.Playwright;

namespace Lantern.BrowserTests.Journeys;

/// <summary>
/// A person going through the public site in one language, with or without JavaScript. Every page they reach
/// is checked the same way: the expected status, the language of the page and of its main heading, axe, and
/// no request to another origin.
/// </summary>
public sealed partial class Visitor(LanternBrowser lantern, BrowserSession session, string language)
{
    public static TheoryData<string, bool> LanguagesAndScript => new()
    {
        { "en", true },
        { "en", false },
        { "fr", true },
        { "fr", false },
    };

    /// <summary>Right to left without JavaScript, and a Cyrillic language with it (issue 13).</summary>
    public static TheoryData<string, bool> MoreLanguages => new()
    {
        { "ar", false },
        { "uk", true },
    };

    public IPage Page => session.Page;

    public BrowserSession Session => session;

    public string Language => language;

    public bool JavaScript => session.JavaScript;

    public string Text(string key) => lantern.Text(language, key);

    public ILocator Button(string action) => Page.Locator($"form#questionnaire button[name=action][value='{action}']");

    public async Task StartAsync()
    {
        var response = await Page.GotoAsync("/");
        Assert.NotNull(response);
        await AssertPageAsync("home.title");
        Assert.Equal($"/{language}/", Path);
    }

    /// <summary>Clicks a link or a submit button, then checks the page it leads to.</summary>
    public async Task GoAsync(ILocator target, string headingKey, int status = 200)
    {
        var response = await session.ClickAndLoadAsync(target);
        Assert.True(response.Status == status, $"Expected {status} but got {response.Status} for {response.Url}");
        await AssertPageAsync(headingKey);
    }

    public Task NextAsync(string headingKey) => GoAsync(Button("next"), headingKey);

    public string Path => new Uri(Page.Url).AbsolutePath;

    public async Task AssertPageAsync(string headingKey)
    {
        var html = Page.Locator("html");
        Assert.Equal(language, await html.GetAttributeAsync("lang"));
        Assert.Equal(LanguageSettings.IsRightToLeft(language) ? "rtl" : "ltr", await html.GetAttributeAsync("dir"));
        Assert.Equal(Normalise(Text(headingKey)), Normalise(await Page.Locator("h1").InnerTextAsync()));
        Assert.Equal(Normalise(Text("escape.label")), Normalise(await Page.Locator("#escape > span").First.InnerTextAsync()));
        session.AssertNoForeignRequests();
        await session.AssertAccessibleAsync();
    }

    /// <summary>
    /// Sends from the summary, checks the reference and receipt, refuses to leave until the person confirms they
    /// kept the receipt, then leaves; afterwards the receipt is gone for good.
    /// </summary>
    public async Task<(string Reference, string Receipt)> SendAndConfirmAsync()
    {
        var page = Page;
        await GoAsync(Button("send"), "sent.title");
        Assert.Equal($"/{language}/report/sent", Path);
        var reference = (await page.Locator("#reference").InnerTextAsync()).Trim();
        var receipt = (await page.Locator("#receipt").InnerTextAsync()).Trim();
        Assert.Matches(ReferenceFormat(), reference);
        Assert.Matches(ReceiptFormat(), receipt);

        // Leaving without confirming is refused with an explanation, and the receipt is still shown.
        var finish = page.Locator("form button[type=submit]");
        await GoAsync(finish, "sent.title", status: 400);
        Assert.Equal(Text("sent.confirm_required"), (await page.Locator("#saved-error").InnerTextAsync()).Trim());
        Assert.Equal(receipt, (await page.Locator("#receipt").InnerTextAsync()).Trim());

        await page.Locator("#saved").CheckAsync();
        await GoAsync(finish, "done.title");
        Assert.Equal($"/{language}/report/done", Path);
        Assert.DoesNotContain(receipt, await page.ContentAsync(), StringComparison.Ordinal);

        // The receipt is shown once: coming back to the page leads home.
        await page.GotoAsync($"/{language}/report/sent");
        Assert.Equal($"/{language}/", Path);
        return (reference, receipt);
    }

    private static string Normalise(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^LT-[A-Z0-9]{4}-[A-Z0-9]{4}$")]
    private static partial Regex ReferenceFormat();

    [GeneratedRegex(@"^\d{4}( \d{4}){4}$")]
    private static partial Regex ReceiptFormat();
}

using System.Net;
using Lantern.BrowserTests.Infrastructure;
using Lantern.TestSupport;
using Lantern.Web.FollowUp.Sessions;
using Microsoft.Playwright;

namespace Lantern.BrowserTests.Journeys;

/// <summary>
/// The escape button (SECURITY.md): without JavaScript a plain link to <c>/escape</c>, which ends the visit and
/// redirects to the neutral site; with JavaScript the same link, three presses of Shift too, the visit ended in the
/// background and the Lantern page replaced in the history rather than added to.
/// The neutral site is answered by the test: nothing leaves the machine.
/// </summary>
public sealed class EscapeButtonTests(LanternBrowser lantern)
{
    /// <summary>
    /// A reporter has the thread open and is halfway through a new report when they escape: by the link without
    /// JavaScript, or with JavaScript by the button or three presses of Shift. They reach the neutral site; the follow-up
    /// session is ended on the server (the old cookie opens nothing), the browser holds no cookie of Lantern's, and Back
    /// shows neither the thread nor any answer given.
    /// </summary>
    [Theory]
    [InlineData("link", "fr")]
    [InlineData("click", "en")]
    [InlineData("shift", "en")]
    public async Task Escape_EndsTheVisit_OnTheServerAndInTheBrowser_AndBackShowsNoAnswer(string how, string language)
    {
        var javaScript = how != "link";
        var (reference, receipt) = await ApiReports.SendAsync(lantern.Server, language);
        await using var session = await lantern.OpenAsync(javaScript, language);
        var page = session.Page;
        var answeredByTest = await session.InterceptAsync(LanternServer.EscapeUrl);

        // Without JavaScript the browser follows /escape's redirect, which no test route can answer: the request is seen,
        // and the neutral host does not resolve (LanternBrowser).
        Task reachedNeutralSite = javaScript ? answeredByTest : page.WaitForRequestAsync(LanternServer.EscapeUrl);

        // The thread is open...
        await page.GotoAsync($"/{language}/follow-up");
        await page.Locator("#receipt").FillAsync(receipt);
        await session.ClickAndLoadAsync(page.Locator("main form button[type=submit]"));
        Assert.Equal(reference, (await page.Locator("#reference").InnerTextAsync()).Trim());
        var sessionId = (await page.Context.CookiesAsync()).Single(c => c.Name == FollowUpCookie.Name).Value;

        // ...and a new report is under way: a place is given, and the next step is shown.
        const string place = "Marcinelle-sur-Escaut";
        await page.GotoAsync($"/{language}/report/witness");
        await page.Locator("#immediateDanger-no").CheckAsync();
        await session.ClickAndLoadAsync(NextButton(page));
        await page.Locator("input[name=exploitationTypes][value=labour]").CheckAsync();
        await page.Locator("input[name=minorsInvolved][value=no]").CheckAsync();
        await session.ClickAndLoadAsync(NextButton(page));
        await page.Locator("#location-municipality").FillAsync(place);
        await session.ClickAndLoadAsync(NextButton(page));
        Assert.Equal("when", await page.Locator("#questionnaire input[name=step]").InputValueAsync());
        var historyBefore = await page.EvaluateAsync<int>("history.length");

        var escape = page.Locator("#escape");
        Assert.Equal("/escape", await escape.GetAttributeAsync("href"));
        Assert.Equal(lantern.Text(language, "escape.label"), (await escape.Locator("span").First.InnerTextAsync()).Trim());
        var ended = page.WaitForResponseAsync(response => response.Url == $"{lantern.Server.Origin.GetLeftPart(UriPartial.Authority)}/escape");
        var left = LeftAsync(page, followsRedirect: !javaScript);
        switch (how)
        {
            case "shift":
                // Three quick presses anywhere on the page, as someone would do when another person walks in.
                await page.Keyboard.PressAsync("Shift");
                await page.Keyboard.PressAsync("Shift");
                await page.Keyboard.PressAsync("Shift");
                break;
            default:
                await escape.ClickAsync();
                break;
        }

        Assert.Equal(javaScript ? 204 : 303, (await ended).Status);
        await reachedNeutralSite.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        await left;
        if (javaScript)
        {
            // The Lantern page was replaced in the history, not added to.
            Assert.Equal(historyBefore, await page.EvaluateAsync<int>("history.length"));
        }

        // Ended in the browser (no cookie left) and on the server (a copy of the old cookie opens nothing).
        Assert.Empty(await page.Context.CookiesAsync([lantern.Server.Origin.ToString()]));
        Assert.False(await ReporterSessionProbe.OpensAsync(lantern.Server.Services, sessionId, ReporterSessionKind.Page));
        using (var copy = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = lantern.Server.Origin })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/{language}/follow-up/thread");
            request.Headers.Add("Cookie", $"{FollowUpCookie.Name}={sessionId}");
            using var response = await copy.SendAsync(request, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        // Back brings back neither the thread nor an answer: not in the text, not in a field.
        await GoBackAsync(page);
        var shown = await page.EvaluateAsync<string>(
            "document.documentElement.innerText + '\\n' + Array.from(document.querySelectorAll('input, textarea')).map(e => e.value).join('\\n')");
        Assert.DoesNotContain(place, shown, StringComparison.Ordinal);
        Assert.DoesNotContain(reference, shown, StringComparison.Ordinal);
        if (await page.Locator("#escape").CountAsync() > 0)
        {
            await session.AssertAccessibleAsync();
        }

        session.AssertNoForeignRequests();
    }

    [Fact]
    public async Task WithJavaScript_TwoPressesOfShift_StayOnThePage()
    {
        await using var session = await lantern.OpenAsync(javaScript: true);
        var page = session.Page;
        var requested = await session.InterceptAsync(LanternServer.EscapeUrl);
        await page.GotoAsync("/en/report/victim");

        // Typing a capital letter is a single Shift; two in a row must not throw the person out either.
        await page.Keyboard.PressAsync("Shift");
        await page.Keyboard.PressAsync("Shift");
        await page.Keyboard.PressAsync("a");
        await page.Keyboard.PressAsync("Shift");

        var left = await Task.WhenAny(requested, Task.Delay(TimeSpan.FromSeconds(1.5), TestContext.Current.CancellationToken));
        Assert.NotSame(requested, left);
        Assert.Equal("/en/report/victim", new Uri(page.Url).AbsolutePath);
    }

    /// <summary>The navigation to the neutral site, committed (answered by the test) or failed there (not resolved).</summary>
    private static async Task LeftAsync(IPage page, bool followsRedirect)
    {
        try
        {
            // Waiting from before it can happen: asking afterwards races Playwright's own URL bookkeeping.
            await page.WaitForURLAsync(LanternServer.EscapeUrl, new() { WaitUntil = WaitUntilState.Commit });
        }
        catch (PlaywrightException exception) when (followsRedirect && exception.Message.Contains("net::ERR_NAME_NOT_RESOLVED", StringComparison.Ordinal))
        {
        }
    }

    private static ILocator NextButton(IPage page) => page.Locator("form#questionnaire button[name=action][value=next]");

    /// <summary>
    /// Back, whatever it leads to: a Lantern page, or the browser's own page for an answer to a form it will not post
    /// again by itself (which Playwright reports as a failed navigation).
    /// </summary>
    private static async Task GoBackAsync(IPage page)
    {
        try
        {
            await page.GoBackAsync();
        }
        catch (PlaywrightException exception) when (exception.Message.Contains("net::ERR_CACHE_MISS", StringComparison.Ordinal))
        {
        }
    }
}

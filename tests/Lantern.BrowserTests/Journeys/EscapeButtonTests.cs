using Lantern.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Lantern.BrowserTests.Journeys;

/// <summary>
/// The escape button (SECURITY.md): without JavaScript a plain link to the neutral site; with JavaScript the
/// same link, three presses of Shift too, and the Lantern page is replaced in the history rather than added to.
/// The neutral site is answered by the test: nothing leaves the machine.
/// </summary>
public sealed class EscapeButtonTests(LanternBrowser lantern)
{
    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    public async Task WithoutJavaScript_EscapeIsAPlainLinkThatLeavesForTheNeutralSite(string language)
    {
        await using var session = await lantern.OpenAsync(javaScript: false, language);
        var page = session.Page;
        var requested = await session.InterceptAsync(LanternServer.EscapeUrl);
        await page.GotoAsync($"/{language}/report/victim");

        var escape = page.Locator("#escape");
        Assert.Equal(LanternServer.EscapeUrl, await escape.GetAttributeAsync("href"));
        Assert.Equal(lantern.Text(language, "escape.label"), (await escape.Locator("span").First.InnerTextAsync()).Trim());
        await session.ClickAndLoadAsync(escape);

        await requested.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.Equal(LanternServer.EscapeUrl, page.Url);
        session.AssertNoForeignRequests();
    }

    [Theory]
    [InlineData("shift")]
    [InlineData("click")]
    public async Task WithJavaScript_EscapeReplacesTheQuestionnaireInTheHistory(string how)
    {
        await using var session = await lantern.OpenAsync(javaScript: true);
        var page = session.Page;
        var requested = await session.InterceptAsync(LanternServer.EscapeUrl);
        await page.GotoAsync("/en/");
        await session.ClickAndLoadAsync(page.Locator("a.entry[href='/en/report/witness']"));
        var historyBefore = await page.EvaluateAsync<int>("history.length");

        // Wait for the navigation from before it can happen: asking afterwards races Playwright's own URL bookkeeping.
        var left = page.WaitForURLAsync(LanternServer.EscapeUrl, new() { WaitUntil = WaitUntilState.Commit });
        if (how == "shift")
        {
            // Three quick presses anywhere on the page, as someone would do when another person walks in.
            await page.Keyboard.PressAsync("Shift");
            await page.Keyboard.PressAsync("Shift");
            await page.Keyboard.PressAsync("Shift");
        }
        else
        {
            await page.Locator("#escape").ClickAsync();
        }

        await requested.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        await left;
        Assert.Equal(historyBefore, await page.EvaluateAsync<int>("history.length"));

        // Back leads past the questionnaire, which is no longer in the history, to the page before it.
        await page.GoBackAsync();
        Assert.Equal("/en/", new Uri(page.Url).AbsolutePath);
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
}

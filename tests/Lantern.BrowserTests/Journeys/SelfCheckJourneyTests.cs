using Lantern.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Lantern.BrowserTests.Journeys;

/// <summary>
/// The self-check with the keyboard only and without JavaScript, in Ukrainian: from the home page through every question
/// to the result, then into the questionnaire with the signs ticked, and on through its first steps; axe on every page.
/// </summary>
public sealed class SelfCheckJourneyTests(LanternBrowser lantern)
{
    [Fact]
    public async Task WithTheKeyboardOnly_TheSelfCheckLeadsToAPrefilledReport()
    {
        await using var session = await lantern.OpenAsync(javaScript: false, acceptLanguage: "uk");
        var page = session.Page;
        await page.GotoAsync("/uk/");

        await TabToAsync(page, "a.entry[href='/uk/self-check']");
        await PressAndLoadAsync(session, "Enter");
        await session.AssertAccessibleAsync();
        await TabToAsync(page, "button[value=start]");
        await PressAndLoadAsync(session, "Enter");

        // who = me, then: work yes, pay no, documents yes, housing no, freedom no, threats no, debt no.
        foreach (var answer in new[] { "me", "yes", "no", "yes", "no", "no", "no", "no" })
        {
            Assert.Equal(lantern.Text("uk", "selfcheck.progress").Split(' ')[0], (await page.Locator(".progress").InnerTextAsync()).Split(' ')[0]);
            await ChooseAsync(page, "answer", answer);
            Assert.True(await page.Locator($"input[name=answer][value={answer}]").IsCheckedAsync());
            await TabToAsync(page, "button[value=next]");
            await PressAndLoadAsync(session, "Enter");
        }

        Assert.Equal(lantern.Text("uk", "selfcheck.result.title"), (await page.Locator("main h1").InnerTextAsync()).Trim());
        Assert.Equal(2, await page.Locator("#selfcheck-signs li").CountAsync());
        await session.AssertAccessibleAsync();
        await TabToAsync(page, "#selfcheck-report button");
        await PressAndLoadAsync(session, "Enter");

        Assert.Equal("/uk/report/victim", new Uri(page.Url).AbsolutePath);
        Assert.Equal(lantern.Text("uk", "step.danger.title"), (await page.Locator("h1").InnerTextAsync()).Trim());
        await ChooseAsync(page, "immediateDanger", "no");
        await TabToAsync(page, "button[value=next]");
        await PressAndLoadAsync(session, "Enter");

        Assert.True(await page.Locator("#sign-hours").IsCheckedAsync());
        Assert.True(await page.Locator("#sign-documents").IsCheckedAsync());
        Assert.False(await page.Locator("#sign-wages").IsCheckedAsync());
        await session.AssertAccessibleAsync();
        session.AssertNoForeignRequests();
    }

    /// <summary>Presses Tab until <paramref name="selector"/> has the focus, as someone without a mouse would.</summary>
    private static async Task TabToAsync(IPage page, string selector)
    {
        for (var presses = 0; presses < 80; presses++)
        {
            if (await page.EvaluateAsync<bool>("s => document.activeElement !== null && document.activeElement.matches(s)", selector))
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Fail($"Tab never reached {selector} on {page.Url}");
    }

    /// <summary>Tab into a group of radio buttons, then the arrow keys to the answer (how a radio group is used from the keyboard).</summary>
    private static async Task ChooseAsync(IPage page, string name, string value)
    {
        await TabToAsync(page, $"input[name={name}]");
        for (var presses = 0; presses < 5 && await page.EvaluateAsync<string>("() => document.activeElement.value") != value; presses++)
        {
            await page.Keyboard.PressAsync("ArrowDown");
        }

        await page.Keyboard.PressAsync("Space");
    }

    private static async Task PressAndLoadAsync(BrowserSession session, string key)
    {
        var loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLoad(object? sender, IPage page) => loaded.TrySetResult();
        session.Page.Load += OnLoad;
        try
        {
            await session.Page.Keyboard.PressAsync(key);
            await loaded.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            session.Page.Load -= OnLoad;
        }
    }
}

using Lantern.BrowserTests.Infrastructure;
using static Lantern.BrowserTests.Infrastructure.KeyboardOnly;

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
}

using Lantern.BrowserTests.Infrastructure;
using static Lantern.BrowserTests.Infrastructure.KeyboardOnly;

namespace Lantern.BrowserTests.Journeys;

/// <summary>
/// The whole questionnaire with the keyboard only (issue 13), without JavaScript and right to left: Tab, the arrows in a
/// radio group, Space on a checkbox, typing, Enter, from the home page to the receipt. axe on every step.
/// </summary>
public sealed class QuestionnaireKeyboardTests(LanternBrowser lantern)
{
    [Fact]
    public async Task WithTheKeyboardOnly_AWitnessReportsInArabic_FromTheHomePageToTheReceipt()
    {
        await using var session = await lantern.OpenAsync(javaScript: false, acceptLanguage: "ar");
        var page = session.Page;
        async Task<string> TitleAsync() => (await page.Locator("h1").InnerTextAsync()).Trim();
        async Task NextAsync(string expectedTitleKey)
        {
            await SubmitAsync(session, "form#questionnaire button[name=action][value=next]");
            Assert.Equal(lantern.Text("ar", expectedTitleKey), await TitleAsync());
            await session.AssertAccessibleAsync();
        }

        await page.GotoAsync("/ar/");
        await TabToAsync(page, "a.entry[href='/ar/report/witness']");
        await PressAndLoadAsync(session, "Enter");
        Assert.Equal(lantern.Text("ar", "step.danger.title"), await TitleAsync());

        await ChooseAsync(page, "immediateDanger", "no");
        await NextAsync("step.what.title.witness");
        await TickAsync(page, "#form-labour");
        await TickAsync(page, "#sign-hours");
        await ChooseAsync(page, "minorsInvolved", "no");
        await NextAsync("step.where.title");
        await TypeAsync(page, "#location-postcode", "4000");
        await TypeAsync(page, "#location-municipality", "Liège");
        await NextAsync("step.when.title");
        await ChooseAsync(page, "when", "weeks");
        await NextAsync("step.people.title.witness");
        await NextAsync("step.details.title");
        await NextAsync("step.account.title.witness");
        await TypeAsync(page, "#description", "عمال في مغسلة السيارات يعملون كل يوم حتى منتصف الليل.");
        await NextAsync("step.contact.title");
        await ChooseAsync(page, "contactWanted", "no");
        await NextAsync("step.review.title");
        Assert.Contains("Liège", await page.Locator(".review-section .answer").AllInnerTextsAsync());

        await SubmitAsync(session, "form#questionnaire button[name=action][value=send]");
        Assert.Equal("/ar/report/sent", new Uri(page.Url).AbsolutePath);
        var reference = (await page.Locator("#reference").InnerTextAsync()).Trim();
        await TickAsync(page, "#saved");
        await SubmitAsync(session, "main form button[type=submit]");
        Assert.Equal("/ar/report/done", new Uri(page.Url).AbsolutePath);
        await session.AssertAccessibleAsync();

        var report = await lantern.Server.FindReportAsync(reference);
        Assert.Equal("witness", report.Role);
        Assert.Equal("ar", report.Language);
        Assert.Equal(["labour"], report.Forms.Select(f => f.Code));
        session.AssertNoForeignRequests();
    }
}

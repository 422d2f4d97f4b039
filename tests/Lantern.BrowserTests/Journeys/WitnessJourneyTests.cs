using Lantern.BrowserTests.Infrastructure;

namespace Lantern.BrowserTests.Journeys;

/// <summary>
/// The witness path end to end in two languages, with JavaScript on and off, through the conditional questions:
/// immediate danger shows the emergency numbers, a minor involved asks the age; the witness stays anonymous.
/// </summary>
public sealed class WitnessJourneyTests(LanternBrowser lantern)
{
    [Theory]
    [MemberData(nameof(Visitor.LanguagesAndScript), MemberType = typeof(Visitor))]
    public async Task WitnessPath_WithDangerAndAMinor_ShowsEmergencyNumbersAsksTheAgeAndStaysAnonymous(string language, bool javaScript)
    {
        await using var session = await lantern.OpenAsync(javaScript, language);
        var visitor = new Visitor(lantern, session, language);
        var page = visitor.Page;

        await visitor.StartAsync();
        await visitor.GoAsync(page.Locator($"a.entry[href='/{language}/report/witness']"), "step.danger.title");

        // Immediate danger shows 112 and 101 at once: as soon as it is chosen with JavaScript, on the next page without.
        var dangerNow = page.Locator("#danger-now");
        Assert.False(await dangerNow.IsVisibleAsync());
        await page.Locator("#immediateDanger-yes").CheckAsync();
        Assert.Equal(javaScript, await dangerNow.IsVisibleAsync());
        await visitor.NextAsync("step.what.title.witness");
        var alert = page.Locator(".danger-box[role=alert]");
        Assert.Contains("112", await alert.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("101", await alert.InnerTextAsync(), StringComparison.Ordinal);

        await page.Locator("#form-sexual").CheckAsync();
        await page.Locator("#sign-minor").CheckAsync();
        await page.Locator("#sign-control").CheckAsync();
        await page.Locator("#minorsInvolved-yes").CheckAsync();
        await visitor.NextAsync("step.minor.title");

        await page.Locator("#youngestAge").FillAsync("15");
        await visitor.NextAsync("step.where.title");

        await page.Locator("#location-postcode").FillAsync("2000");
        await page.Locator("#location-placeType").SelectOptionAsync("salon");
        await visitor.NextAsync("step.when.title");

        await page.Locator("#when-now").CheckAsync();
        await visitor.NextAsync("step.people.title.witness");

        await page.Locator("#people-count").FillAsync("2");
        await page.Locator("#people-ages").FillAsync("15-17");
        await visitor.NextAsync("step.details.title");

        await page.Locator("#entities-plates").FillAsync("1-ABC-123");
        await page.Locator("#entities-urls").FillAsync("https://massage-example.test/girls");
        await visitor.NextAsync("step.account.title.witness");

        await page.Locator("#description").FillAsync("Two girls who look very young are brought to the salon at night.");
        await page.Locator("#relationship").FillAsync("I live across the street");
        await visitor.NextAsync("step.contact.title");

        // Anonymous is the default: the witness only goes on.
        Assert.True(await page.Locator("#contactWanted-no").IsCheckedAsync());
        await visitor.NextAsync("step.review.title");

        var answers = await page.Locator(".review-section .answer").AllInnerTextsAsync();
        Assert.Contains("15", answers);
        Assert.Contains("1-ABC-123", answers);
        Assert.Contains("I live across the street", answers);
        Assert.Contains(visitor.Text("step.contact.anonymous"), answers);

        var (reference, _) = await visitor.SendAndConfirmAsync();

        var report = await lantern.Server.FindReportAsync(reference);
        Assert.Equal("witness", report.Role);
        Assert.Equal(language, report.Language);
        Assert.True(report.ImmediateDanger);
        Assert.True(report.MinorsInvolved);
        Assert.False(report.ContactRequested);
        Assert.Equal(["sexual"], report.Forms.Select(f => f.Code));
    }
}

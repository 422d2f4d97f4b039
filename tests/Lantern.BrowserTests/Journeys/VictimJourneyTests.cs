using Lantern.BrowserTests.Infrastructure;

namespace Lantern.BrowserTests.Journeys;

/// <summary>
/// The victim path end to end, from the home page to the confirmation, in two languages, with JavaScript on and
/// off: what the person sees at every step (axe on every page), changing an answer from the summary, asking
/// to be contacted, and the report that was stored.
/// </summary>
public sealed class VictimJourneyTests(LanternBrowser lantern)
{
    [Theory]
    [MemberData(nameof(Visitor.LanguagesAndScript), MemberType = typeof(Visitor))]
    [MemberData(nameof(Visitor.MoreLanguages), MemberType = typeof(Visitor))]
    public async Task VictimPath_FromHomeToDone_StoresTheReportAndShowsTheReceiptOnce(string language, bool javaScript)
    {
        await using var session = await lantern.OpenAsync(javaScript, language);
        var visitor = new Visitor(lantern, session, language);
        var page = visitor.Page;

        await visitor.StartAsync();
        await visitor.GoAsync(page.Locator($"a.entry[href='/{language}/report/victim']"), "step.danger.title");

        await page.Locator("#immediateDanger-no").CheckAsync();
        await visitor.NextAsync("step.what.title.victim");

        await page.Locator("#form-labour").CheckAsync();
        await page.Locator("#sign-wages").CheckAsync();
        await page.Locator("#sign-documents").CheckAsync();
        await page.Locator("#minorsInvolved-no").CheckAsync();
        await visitor.NextAsync("step.where.title");

        await page.Locator("#location-postcode").FillAsync("1000");
        await page.Locator("#location-municipality").FillAsync("Bruxelles");
        await page.Locator("#location-placeType").SelectOptionAsync("construction");
        await visitor.NextAsync("step.when.title");

        await page.Locator("#when-weeks").CheckAsync();
        await visitor.NextAsync("step.people.title.victim");

        await page.Locator("#people-count").FillAsync("3");
        await page.Locator("#people-languages").FillAsync("Română");
        await visitor.NextAsync("step.details.title");

        await page.Locator("#entities-companies").FillAsync("Beton Rapide SPRL");
        await visitor.NextAsync("step.account.title.victim");

        await page.Locator("#description").FillAsync("They keep our passports and we work every day without pay.");
        await visitor.NextAsync("step.contact.title");

        // Contact details only show once the person asks to be contacted (with JavaScript); without it they are always there.
        var details = page.Locator("#contact-details");
        Assert.Equal(!javaScript, await details.IsVisibleAsync());
        await page.Locator("#contactWanted-yes").CheckAsync();
        Assert.True(await details.IsVisibleAsync());
        await page.Locator("#contact-channel-sms").CheckAsync();
        await page.Locator("#contact-address").FillAsync("+32 470 12 34 56");
        await page.Locator("#contact-safeTimes").FillAsync("weekdays 12:00-13:00");
        await page.Locator("#contact-mayLeaveMessage-no").CheckAsync();
        await page.Locator("#contact-codeWord").FillAsync("sunflower");
        await visitor.NextAsync("step.review.title");

        var answers = await page.Locator(".review-section .answer").AllInnerTextsAsync();
        Assert.Contains("They keep our passports and we work every day without pay.", answers);
        Assert.Contains("Bruxelles", answers);
        Assert.Contains("sunflower", answers);

        // Change one answer from the summary: the step comes back with its value, and saving returns to the summary.
        await visitor.GoAsync(visitor.Button("goto:where"), "step.where.title");
        Assert.Equal("Bruxelles", await page.Locator("#location-municipality").InputValueAsync());
        Assert.Equal(visitor.Text("questionnaire.save"), (await visitor.Button("next").InnerTextAsync()).Trim());
        await page.Locator("#location-municipality").FillAsync("Anderlecht");
        await visitor.NextAsync("step.review.title");
        answers = await page.Locator(".review-section .answer").AllInnerTextsAsync();
        Assert.Contains("Anderlecht", answers);
        Assert.DoesNotContain("Bruxelles", answers);

        var (reference, _) = await visitor.SendAndConfirmAsync();

        var report = await lantern.Server.FindReportAsync(reference);
        Assert.Equal("victim", report.Role);
        Assert.Equal(language, report.Language);
        Assert.Equal("web", report.Channel);
        Assert.False(report.ImmediateDanger);
        Assert.False(report.MinorsInvolved);
        Assert.True(report.ContactRequested);
        Assert.Equal(["labour"], report.Forms.Select(f => f.Code));
        Assert.Equal(["documents", "wages"], report.Signs.Select(s => s.Code).Order(StringComparer.Ordinal));
    }
}

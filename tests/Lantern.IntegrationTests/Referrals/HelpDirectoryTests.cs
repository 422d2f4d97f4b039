using System.Net;
using Lantern.IntegrationTests.Forms;
using Lantern.IntegrationTests.Infrastructure;
using Lantern.Web.Platform.Localisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.IntegrationTests.Referrals;

/// <summary>The public help directory on the seeded Belgian organisations: place, situation, pages, languages, emergency numbers.</summary>
public abstract class HelpDirectoryTests<TFactory>(TFactory factory) : LanternTestBase<TFactory>(factory)
    where TFactory : LanternFactory
{
    [Theory]
    [InlineData("4000", "surya", "pag-asa", "payoke")]
    [InlineData("2000", "payoke", "pag-asa", "surya")]
    [InlineData("1000", "pag-asa", "payoke", "surya")]
    public async Task APostcode_ListsItsRegionsVictimCentre_AndTheNationalOrganisations(string postcode, string listed, string notListed, string alsoNotListed)
    {
        var results = await SearchAsync(form => form.Set("postcode", postcode));

        Assert.Contains(listed, results);
        Assert.Contains("contact-point", results);
        Assert.Contains("child-focus", results);
        Assert.DoesNotContain(notListed, results);
        Assert.DoesNotContain(alsoNotListed, results);
    }

    [Fact]
    public async Task AMinor_FindsChildFocus_AndNotTheAdultsOnlyVictimCentre()
    {
        var results = await SearchAsync(form => form.Set("postcode", "4000").Check("who", "minor"));

        Assert.Contains("child-focus", results);
        Assert.Contains("guardianship", results);
        Assert.Contains("esperanto", results);
        Assert.DoesNotContain("surya", results);
        Assert.DoesNotContain("minor-ndako", results);
    }

    [Fact]
    public async Task AnOrganisationHiddenFromTheDirectory_IsNeitherListedNorShown()
    {
        var results = await SearchAsync(form => form.Set("form", "labour"));

        Assert.DoesNotContain("social-inspection", results);
        Assert.DoesNotContain("myria", results);
        var forms = new FormClient(CreateBrowserClient());
        Assert.Equal(HttpStatusCode.NotFound, (await forms.GetAsync("/en/help/social-inspection", Cancellation)).Status);
    }

    [Fact]
    public async Task AnUnknownOrganisation_IsNotFound()
    {
        var forms = new FormClient(CreateBrowserClient());

        Assert.Equal(HttpStatusCode.NotFound, (await forms.GetAsync("/en/help/no-such-organisation", Cancellation)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await forms.GetAsync("/en/help/" + new string('a', 300), Cancellation)).Status);
    }

    [Fact]
    public async Task EveryEnabledLanguage_AnswersBothPages_WithTheEmergencyNumbersOnTop()
    {
        var forms = new FormClient(CreateBrowserClient());
        foreach (var language in Factory.Services.GetRequiredService<LanguageSettings>().Enabled)
        {
            foreach (var path in new[] { $"/{language}/help", $"/{language}/help?postcode=4000&who=minor", $"/{language}/help/surya" })
            {
                var page = await forms.GetAsync(path, Cancellation);
                Assert.Equal(HttpStatusCode.OK, page.Status);
                Assert.Equal(language, page.Document.DocumentElement.GetAttribute("lang"));
                var first = page.Document.QuerySelector("main")!.FirstElementChild!;
                Assert.Equal("emergency", first.Id);
                foreach (var number in new[] { "112", "101", "078 055 800" })
                {
                    Assert.Contains(number, first.TextContent, StringComparison.Ordinal);
                }

                Assert.NotNull(page.Document.QuerySelector("#escape"));
                Assert.False(page.Response.Headers.Contains("Set-Cookie"), $"{path} sets a cookie.");
            }
        }
    }

    [Fact]
    public async Task ImmediateDanger_MakesTheEmergencyBlockTheFirstAndUrgentMessage()
    {
        var forms = new FormClient(CreateBrowserClient());
        var calm = await forms.GetAsync("/fr/help?postcode=1000", Cancellation);
        var danger = await forms.GetAsync("/fr/help?postcode=1000&danger=yes", Cancellation);

        Assert.DoesNotContain("urgent", calm.Document.QuerySelector("#emergency")!.ClassList);
        Assert.Contains("urgent", danger.Document.QuerySelector("#emergency")!.ClassList);
        Assert.Same(danger.Document.QuerySelector("main")!.FirstElementChild, danger.Document.QuerySelector("#emergency"));
        Assert.Contains("pag-asa", Codes(danger));
    }

    [Fact]
    public async Task ABadOrUnknownPostcode_IsExplained_AndTheNationalOrganisationsStillShown()
    {
        var forms = new FormClient(CreateBrowserClient());
        var bad = await forms.GetAsync("/en/help?postcode=%3Cscript%3E&region=nowhere&who=x&form=y", Cancellation);
        var unknown = await forms.GetAsync("/en/help?postcode=0500", Cancellation);

        Assert.Equal(HttpStatusCode.OK, bad.Status);
        Assert.NotNull(bad.Document.QuerySelector("#postcode-error"));
        Assert.Equal("true", bad.Document.QuerySelector("#postcode")!.GetAttribute("aria-invalid"));
        Assert.DoesNotContain("<script>", bad.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, unknown.Status);
        Assert.Contains("contact-point", Codes(unknown));
        Assert.DoesNotContain("surya", Codes(unknown));
        Assert.Contains("0500", unknown.Document.QuerySelector(".help-results .note")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheHomePageAndEveryPublicPage_LeadToTheDirectory()
    {
        var forms = new FormClient(CreateBrowserClient());
        var home = await forms.GetAsync("/nl/", Cancellation);

        Assert.NotNull(home.Document.QuerySelector("main a.entry[href='/nl/help']"));
        Assert.NotNull(home.Document.QuerySelector("footer a[href='/nl/help']"));
    }

    [Fact]
    public async Task AnOrganisationPage_ShowsItsPublicDetails()
    {
        await Factory.WithDbAsync(async db =>
        {
            var surya = await db.Organisations.SingleAsync(o => o.Code == "surya", Cancellation);
            surya.OpeningHours = "Test hours: Mon–Fri";
            return await db.SaveChangesAsync(Cancellation);
        });
        var page = await new FormClient(CreateBrowserClient()).GetAsync("/de/help/surya", Cancellation);

        var details = page.Document.QuerySelector("main")!.TextContent;
        Assert.Contains("Sürya", page.Document.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("04 232 40 30", details, StringComparison.Ordinal);
        Assert.Contains("Test hours: Mon–Fri", details, StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector("li[lang=de]"));
        Assert.NotNull(page.Document.QuerySelector("a[href='tel:042324030']"));
    }

    private async Task<List<string>> SearchAsync(Func<FormFill, FormFill> fill)
    {
        var forms = new FormClient(CreateBrowserClient());
        var page = await forms.GetAsync("/en/help", Cancellation);
        var results = await fill(page.Form("main form")).SubmitAsync(Cancellation);
        Assert.Equal(HttpStatusCode.OK, results.Status);
        Assert.Equal("/en/help", results.Url.AbsolutePath);
        return Codes(results);
    }

    private static List<string> Codes(HtmlPage page) =>
        page.Document.QuerySelectorAll(".help-card").Select(card => card.Id!["org-".Length..]).ToList();
}

public sealed class HelpDirectoryTestsOnSqlite(SqliteLanternFactory factory) : HelpDirectoryTests<SqliteLanternFactory>(factory);

public sealed class HelpDirectoryTestsOnPostgres(PostgresLanternFactory factory) : HelpDirectoryTests<PostgresLanternFactory>(factory);

/// <summary>
/// A language configured without its texts is not offered at all (issue 13): its pages would be labelled in it and read
/// English, which a screen reader speaks with the wrong voice.
/// </summary>
public sealed class HelpDirectoryInMoreLanguagesTests(HelpDirectoryInMoreLanguagesTests.ManyLanguagesFactory factory)
    : LanternTestBase<HelpDirectoryInMoreLanguagesTests.ManyLanguagesFactory>(factory)
{
    [Fact]
    public async Task ALanguageWithoutItsOwnTexts_IsNotOffered()
    {
        var forms = new FormClient(CreateBrowserClient());

        var missing = await forms.GetAsync("/ja/help", Cancellation);
        var english = await forms.GetAsync("/en/languages", Cancellation);

        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        Assert.Equal(HttpStatusCode.OK, english.Status);
        Assert.Null(english.Document.QuerySelector("[lang=ja]"));
        Assert.NotNull(english.Document.QuerySelector("a[lang=nl]"));
    }

    public sealed class ManyLanguagesFactory : SqliteLanternFactory
    {
        protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["Lantern:Languages:Enabled:0"] = "fr",
            ["Lantern:Languages:Enabled:1"] = "nl",
            ["Lantern:Languages:Enabled:2"] = "en",
            ["Lantern:Languages:Enabled:3"] = "ja",
        };
    }
}

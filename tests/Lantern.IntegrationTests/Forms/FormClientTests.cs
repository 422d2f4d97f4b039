using System.Net;
using System.Text.RegularExpressions;
using Lantern.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lantern.IntegrationTests.Forms;

public sealed class FormClientTestsOnSqlite(SqliteLanternFactory factory) : FormClientTests<SqliteLanternFactory>(factory);

public sealed class FormClientTestsOnPostgres(PostgresLanternFactory factory) : FormClientTests<PostgresLanternFactory>(factory);

/// <summary>
/// <see cref="FormClient"/> against the real questionnaire: it reads the antiforgery token and the encrypted
/// draft, steps through the pages, keeps the cookies and follows the redirects a browser would.
/// </summary>
public abstract partial class FormClientTests<TFactory>(TFactory factory) : LanternTestBase<TFactory>(factory)
    where TFactory : LanternFactory
{
    [Fact]
    public async Task GetAsync_ReadsTheHiddenInputsOfTheForm()
    {
        var forms = new FormClient(CreateBrowserClient());

        var page = await forms.GetAsync("/en/report/witness", Cancellation);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var form = page.Form("#questionnaire");
        Assert.False(string.IsNullOrEmpty(form.Value("__af")), "the antiforgery token is read");
        Assert.False(string.IsNullOrEmpty(form.Value("draft")), "the encrypted draft is read");
        Assert.Equal("danger", form.Value("step"));
    }

    [Fact]
    public async Task GetAsync_FollowsTheLanguageRedirect()
    {
        var forms = new FormClient(CreateBrowserClient());

        var page = await forms.GetAsync("/", Cancellation);

        Assert.Equal("/en/", page.Url.AbsolutePath);
        Assert.Equal("en", page.Document.DocumentElement.GetAttribute("lang"));
        Assert.NotNull(page.Document.QuerySelector("a#escape"));
    }

    [Fact]
    public async Task WitnessPath_FromTheHomePage_ToTheReceipt_StoresTheReport()
    {
        var forms = new FormClient(CreateBrowserClient());
        var home = await forms.GetAsync("/en/", Cancellation);
        var entry = home.Document.QuerySelector("a[href='/en/report/witness']");
        Assert.NotNull(entry);

        var page = await forms.GetAsync(entry.GetAttribute("href")!, Cancellation);
        page = await page.Form("#questionnaire").Check("immediateDanger", "no").PressAsync("action", "next", Cancellation);
        Assert.Equal("what", page.Form("#questionnaire").Value("step"));
        page = await page.Form("#questionnaire")
            .Check("exploitationTypes", "labour")
            .Check("signs", "documents")
            .Check("signs", "debt")
            .Check("minorsInvolved", "no")
            .PressAsync("action", "next", Cancellation);
        page = await page.Form("#questionnaire")
            .Set("location.postcode", "9000")
            .Set("location.municipality", "Gent")
            .Set("location.placeType", "workplace")
            .PressAsync("action", "next", Cancellation);
        page = await page.Form("#questionnaire").Check("when", "weeks").PressAsync("action", "next", Cancellation);
        page = await page.Form("#questionnaire").Set("people.count", "3").PressAsync("action", "next", Cancellation);
        page = await page.Form("#questionnaire").Set("entities.phones", "0470 12 34 56").PressAsync("action", "next", Cancellation);
        page = await page.Form("#questionnaire")
            .Set("description", "Three men sleep in the car wash.")
            .Set("relationship", "customer")
            .PressAsync("action", "next", Cancellation);
        page = await page.Form("#questionnaire").Check("contactWanted", "no").PressAsync("action", "next", Cancellation);
        Assert.Equal("review", page.Form("#questionnaire").Value("step"));
        Assert.Contains("Three men sleep in the car wash.", page.Document.QuerySelectorAll("dd.answer").Select(d => d.TextContent));

        var sent = await page.Form("#questionnaire").PressAsync("action", "send", Cancellation);

        Assert.Equal(HttpStatusCode.OK, sent.Status);
        Assert.Equal("/en/report/sent", sent.Url.AbsolutePath);
        var reference = sent.Document.QuerySelector("#reference")?.TextContent.Trim() ?? string.Empty;
        Assert.Matches(ReferencePattern(), reference);
        Assert.Matches(ReceiptPattern(), sent.Document.QuerySelector("#receipt")?.TextContent.Trim() ?? string.Empty);
        var report = await Factory.WithDbAsync(db => db.Reports.AsNoTracking().Include(r => r.Forms).SingleAsync(r => r.Reference == reference, Cancellation));
        Assert.Equal("web", report.Channel);
        Assert.Equal("witness", report.Role);
        Assert.Equal("BE-VLG", report.Region);
        Assert.Equal(["labour"], report.Forms.Select(f => f.Code));
        Assert.Equal(1, report.UrgencyLevel);
    }

    [Fact]
    public async Task SentPage_LetsTheReporterLeaveOnlyAfterConfirming()
    {
        var forms = new FormClient(CreateBrowserClient());
        var sent = await SendMinimalVictimReportAsync(forms);

        var refused = await sent.Form().SubmitAsync(Cancellation);
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.NotNull(refused.Document.QuerySelector("#saved-error"));

        var done = await refused.Form().Check("saved", "yes").SubmitAsync(Cancellation);
        Assert.Equal(HttpStatusCode.OK, done.Status);
        Assert.Equal("/en/report/done", done.Url.AbsolutePath);

        // The receipt is shown only once: afterwards the sent page sends the visitor home.
        var again = await forms.GetAsync("/en/report/sent", Cancellation);
        Assert.Equal("/en/", again.Url.AbsolutePath);
    }

    [Fact]
    public async Task MinorInvolved_AddsTheAgeStep()
    {
        var forms = new FormClient(CreateBrowserClient());
        var page = await forms.GetAsync("/en/report/victim", Cancellation);
        page = await page.Form("#questionnaire").Check("immediateDanger", "unknown").PressAsync("action", "next", Cancellation);

        page = await page.Form("#questionnaire").Check("signs", "minor").Check("minorsInvolved", "yes").PressAsync("action", "next", Cancellation);

        Assert.Equal("minor", page.Form("#questionnaire").Value("step"));
        page = await page.Form("#questionnaire").Set("youngestAge", "19").PressAsync("action", "next", Cancellation);
        Assert.Equal("minor", page.Form("#questionnaire").Value("step"));
        Assert.NotEmpty(page.Document.QuerySelectorAll(".error-summary"));
    }

    [Fact]
    public async Task PostWithoutTheAntiforgeryToken_IsRefused_AndStoresNothing()
    {
        var forms = new FormClient(CreateBrowserClient());
        var page = await forms.GetAsync("/en/report/witness", Cancellation);
        var before = await ReportRows.CountAsync(Factory, Cancellation);

        var refused = await page.Form("#questionnaire").Remove("__af").Check("immediateDanger", "no").PressAsync("action", "next", Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal(before, await ReportRows.CountAsync(Factory, Cancellation));
    }

    private static async Task<HtmlPage> SendMinimalVictimReportAsync(FormClient forms)
    {
        var page = await forms.GetAsync("/en/report/victim", Cancellation);
        page = await page.Form("#questionnaire").Check("immediateDanger", "no").PressAsync("action", "next", Cancellation);
        page = await page.Form("#questionnaire").Check("signs", "fear").Check("minorsInvolved", "no").PressAsync("action", "next", Cancellation);
        while (page.Form("#questionnaire").Value("step") != "review")
        {
            page = await page.Form("#questionnaire").PressAsync("action", "next", Cancellation);
        }

        var sent = await page.Form("#questionnaire").PressAsync("action", "send", Cancellation);
        Assert.Equal("/en/report/sent", sent.Url.AbsolutePath);
        return sent;
    }

    [GeneratedRegex("^LT-[0-9A-Z]{4}-[0-9A-Z]{4}$")]
    private static partial Regex ReferencePattern();

    [GeneratedRegex("^[0-9]{4} [0-9]{4} [0-9]{4} [0-9]{4} [0-9]{4}$")]
    private static partial Regex ReceiptPattern();
}

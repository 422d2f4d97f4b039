using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lantern.BrowserTests.Infrastructure;
using Lantern.Web.Cases;
using Lantern.Web.Core.Access;
using Lantern.Web.Core.Persistence;
using Lantern.Web.Core.Reports;
using Lantern.Web.Platform.Crypto;
using Lantern.Web.Reporting.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Lantern.BrowserTests.Staff;

/// <summary>
/// An analyst triages a report from the moment it arrives until it is closed, with JavaScript on and off and in
/// two languages: the decrypted answers, assigning, the workflow, an internal note, a case, the refusal to close
/// without an outcome, and the closed report; axe on every kind of page and state. A partner caseworker of
/// another organisation then opening the same reference finds nothing.
/// </summary>
public sealed partial class TriageJourneyTests(LanternBrowser lantern)
{
    public static TheoryData<bool, string> ScriptAndLanguage => new()
    {
        { true, "en" },
        { false, "fr" },
    };

    [Theory]
    [MemberData(nameof(ScriptAndLanguage))]
    public async Task AnAnalyst_TriagesAReport_ThroughToClosing_AndAPartnerCannotOpenIt(bool javaScript, string language)
    {
        var description = $"They keep our passports at the car wash and we sleep in the back ({Guid.NewGuid():N}).";
        var reference = await SendReportAsync(description);
        await using var session = await lantern.OpenAsync(javaScript, language);
        var page = session.Page;
        string Text(string key, params object[] arguments) => Format(language, lantern.Text(language, key), arguments);
        async Task AssertReportPageAsync(string? done, string status)
        {
            Assert.Equal($"/staff/reports/{reference}", new Uri(page.Url).AbsolutePath);
            Assert.Equal(language, await page.Locator("html").GetAttributeAsync("lang"));
            Assert.Equal(Text("staff.report.title", reference), await TrimmedAsync(page.Locator("h1")));
            Assert.Equal(Text("staff.report.status." + status), await TrimmedAsync(page.Locator("#status")));
            if (done is not null)
            {
                Assert.Equal(Text("staff.report.done." + done), await TrimmedAsync(page.Locator("main .notice[role=status]")));
            }
        }

        var (email, enrolment) = await StaffMembers.AddAsync(lantern.Server, StaffRoles.Analyst);
        await StaffMembers.EnrolAsync(session, email, enrolment);
        var analystId = await UserIdAsync(email);

        // The inbox lists it (the shared test server holds far fewer than a page of open reports).
        await page.GotoAsync("/staff/inbox");
        await session.AssertAccessibleAsync();
        await Act(session, page.Locator($"main a[href='/staff/reports/{reference}']").First);

        // The report as it arrived: the answers decrypted for the analyst, nobody on it yet.
        await AssertReportPageAsync(done: null, ReportStatus.New);
        Assert.Contains(description, await page.Locator("main .answer").AllInnerTextsAsync());
        Assert.Equal(Text("staff.report.assigned.nobody"), await TrimmedAsync(page.Locator("#assigned")));
        Assert.Equal(Text("staff.report.case.none"), await page.Locator("#case").InnerTextAsync()); // not trimmed: no blank line before it
        Assert.Equal(Text("staff.report.notes.none"), await TrimmedAsync(page.Locator("#notes > p:not(.hint)")));
        await session.AssertAccessibleAsync();

        await Act(session, page.Locator("#assign-me-form button[type=submit]"));
        await AssertReportPageAsync("assigned", ReportStatus.New);
        Assert.Equal(email, await TrimmedAsync(page.Locator("#assigned")));
        Assert.Equal(0, await page.Locator("#assign-me-form").CountAsync());
        await session.AssertAccessibleAsync();

        await page.Locator("#new-status").SelectOptionAsync(ReportStatus.InTriage);
        await Act(session, page.Locator("#status-form button[type=submit]"));
        await AssertReportPageAsync("status", ReportStatus.InTriage);
        await session.AssertAccessibleAsync();

        await page.Locator("#new-status").SelectOptionAsync(ReportStatus.InProgress);
        await Act(session, page.Locator("#status-form button[type=submit]"));
        await AssertReportPageAsync("status", ReportStatus.InProgress);

        const string note = "Called the victim centre.\nThey know the car wash and will visit on Monday.";
        await page.Locator("#note").FillAsync(note);
        await Act(session, page.Locator("#note-form button[type=submit]"));
        await AssertReportPageAsync("note", ReportStatus.InProgress);
        Assert.Equal([note], await page.Locator("#notes .note-text").AllInnerTextsAsync());
        Assert.Contains(email, await page.Locator("#notes .note-meta").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(string.Empty, await page.Locator("#note").InputValueAsync());
        await session.AssertAccessibleAsync();

        await Act(session, page.Locator("#case-create-form button[type=submit]"));
        await AssertReportPageAsync("case-created", ReportStatus.InProgress);
        var caseReference = await TrimmedAsync(page.Locator("#case a"));
        Assert.Matches(CaseReferenceFormat(), caseReference);
        Assert.Equal(1, await page.Locator("#case-remove-form").CountAsync());
        await session.AssertAccessibleAsync();

        // The case page lists the report by its coded fields only, and leads back to it.
        await Act(session, page.Locator("#case a"));
        Assert.Equal($"/staff/cases/{caseReference}", new Uri(page.Url).AbsolutePath);
        Assert.Equal(Text("staff.case.title", caseReference), await TrimmedAsync(page.Locator("h1")));
        var row = page.Locator("#case-reports tbody tr");
        Assert.Equal(1, await row.CountAsync());
        Assert.Equal(reference, await TrimmedAsync(row.Locator("td").First));
        Assert.Contains(Text("staff.report.status.in-progress"), await row.InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(description, await page.ContentAsync(), StringComparison.Ordinal);
        await session.AssertAccessibleAsync();
        await Act(session, row.Locator($"a[href='/staff/reports/{reference}']"));
        await AssertReportPageAsync(done: null, ReportStatus.InProgress);

        // Closing needs an outcome: refused with the reason at the top (leading to the outcome) and beside the
        // outcome, nothing changed, and "closed" still chosen so that adding the outcome is all it takes.
        await page.Locator("#new-status").SelectOptionAsync(ReportStatus.Closed);
        await Act(session, page.Locator("#status-form button[type=submit]"), expectedStatus: 400);
        await AssertReportPageAsync(done: null, ReportStatus.InProgress);
        var error = Text("staff.report.status.error.outcome");
        Assert.Equal(Text("staff.errors.title"), await TrimmedAsync(page.Locator(".error-summary h2")));
        Assert.Equal(error, await TrimmedAsync(page.Locator(".error-summary a[href='#outcome']")));
        Assert.Equal(error, await TrimmedAsync(page.Locator("#status-form #status-error")));
        var outcome = page.Locator("#outcome");
        Assert.Equal("true", await outcome.GetAttributeAsync("aria-invalid"));
        Assert.Contains("status-error", (await outcome.GetAttributeAsync("aria-describedby"))!.Split(' '));
        Assert.Equal(ReportStatus.Closed, await page.Locator("#new-status").InputValueAsync());
        Assert.Equal(ReportStatus.InProgress, (await lantern.Server.FindReportAsync(reference)).Status);
        await session.AssertAccessibleAsync();

        await outcome.SelectOptionAsync(ReportOutcomes.SupportStarted);
        await Act(session, page.Locator("#status-form button[type=submit]"));
        await AssertReportPageAsync("status", ReportStatus.Closed);
        Assert.Contains(Text("staff.report.outcome.support-started"), await page.Locator("#status").Locator("xpath=..").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal([ReportStatus.InProgress], await page.Locator("#new-status option").EvaluateAllAsync<string[]>("options => options.map(o => o.value)"));
        Assert.Equal(0, await page.Locator("#outcome").CountAsync());
        session.AssertNoForeignRequests();

        // A partner caseworker of an organisation the report was never referred to: the same reference is not
        // found, on the back office's own page (its navigation, and a way back to the back office's start).
        await StaffMembers.SignOutAsync(session);
        await StaffMembers.EnrolNewAsync(lantern.Server, session, StaffRoles.PartnerCaseworker, "payoke");
        Assert.Equal(404, (await page.GotoAsync($"/staff/reports/{reference}"))!.Status);
        Assert.Equal(Text("error.404.title"), await TrimmedAsync(page.Locator("h1")));
        Assert.Equal("/staff", await page.Locator("main a").GetAttributeAsync("href"));
        Assert.Equal(1, await page.Locator("form.sign-out").CountAsync());
        Assert.Equal(0, await page.Locator("#escape").CountAsync());
        Assert.DoesNotContain(description, await page.ContentAsync(), StringComparison.Ordinal);
        await session.AssertAccessibleAsync();
        session.AssertNoForeignRequests();

        // Every audit entry on the report is the analyst's: the partner's attempt read nothing.
        await AssertStoredAsync(reference, analystId, caseReference, note);
    }

    /// <summary>What the journey left in the database, read through the server's own services.</summary>
    private async Task AssertStoredAsync(string reference, Guid analystId, string caseReference, string note)
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var scope = lantern.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        var report = await db.Reports.AsNoTracking().SingleAsync(r => r.Reference == reference, cancellation);
        Assert.Equal(ReportStatus.Closed, report.Status);
        Assert.Equal(ReportOutcomes.SupportStarted, report.Outcome);
        Assert.NotNull(report.AcknowledgedAt);
        Assert.NotNull(report.StatusChangedAt);
        Assert.True(report.AcknowledgedAt <= report.StatusChangedAt);
        Assert.Equal(analystId, report.AssignedToId);
        Assert.Equal(caseReference, await db.Cases.Where(c => c.Id == report.CaseId).Select(c => c.Reference).SingleAsync(cancellation));

        // The note is stored encrypted (its text is checked on the page), as one item by the analyst.
        var notes = await db.ReportItems.AsNoTracking().Where(i => i.ReportId == report.Id && i.Kind == (int)ItemKind.Note).ToListAsync(cancellation);
        var stored = Assert.Single(notes);
        Assert.Equal(analystId, stored.AuthorId);
        Assert.True(stored.Ciphertext.AsSpan().IndexOf(Encoding.UTF8.GetBytes(note)) < 0, "The note is stored in clear.");

        var audit = await db.AuditEntries.AsNoTracking().Where(e => e.Record == reference).OrderBy(e => e.Sequence)
            .Select(e => new { e.Actor, e.Action, e.Detail }).ToListAsync(cancellation);
        Assert.All(audit, e => Assert.Equal(analystId.ToString(), e.Actor));
        Assert.Contains(audit, e => e.Action == "report.read" && e.Detail.StartsWith("via=page", StringComparison.Ordinal));
        Assert.Equal(
            [
                "from=new; to=in-triage",
                "from=in-triage; to=in-progress",
                $"from=in-progress; to=closed; outcome={ReportOutcomes.SupportStarted}",
            ],
            audit.Where(e => e.Action == "report.status-changed").Select(e => e.Detail));
        Assert.Contains(audit, e => e.Action == "report.assigned");
        Assert.Contains(audit, e => e.Action == "report.added-to-case" && e.Detail == $"case={caseReference}");
        Assert.Contains(audit, e => e.Action == "report.note-added");
        Assert.All(audit, e => Assert.DoesNotContain(note, e.Detail, StringComparison.Ordinal));
    }

    /// <summary>The report a victim sends from a partner app, through the public API.</summary>
    private async Task<string> SendReportAsync(string description)
    {
        var body = $$"""
            {
              "role": "victim",
              "language": "en",
              "immediateDanger": false,
              "exploitationTypes": ["labour"],
              "signs": ["documents", "wages"],
              "minorsInvolved": false,
              "location": { "country": "BE", "postcode": "1000", "municipality": "Bruxelles", "placeType": "workplace" },
              "when": "weeks",
              "description": {{JsonSerializer.Serialize(description)}}
            }
            """;
        using var client = new HttpClient { BaseAddress = lantern.Server.Origin };
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri("/api/v1/reports", UriKind.Relative), content, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"201 expected, got {(int)response.StatusCode}: {text}");
        return JsonSerializer.Deserialize<ReportCreated>(text, JsonSerializerOptions.Web)!.Reference;
    }

    private async Task<Guid> UserIdAsync(string email)
    {
        await using var scope = lantern.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Submits a form or follows a link and checks the status of the page it ends on (after the redirect).</summary>
    private static async Task<IResponse> Act(BrowserSession session, ILocator target, int expectedStatus = 200)
    {
        var response = await session.ClickAndLoadAsync(target);
        Assert.True(response.Status == expectedStatus, $"Expected {expectedStatus} but got {response.Status} for {response.Url}");
        return response;
    }

    private static async Task<string> TrimmedAsync(ILocator locator) => Whitespace().Replace(await locator.InnerTextAsync(), " ").Trim();

    private static string Format(string language, string text, object[] arguments) =>
        arguments.Length == 0 ? text : string.Format(CultureInfo.GetCultureInfo(language), text, arguments);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex("^CS-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$")]
    private static partial Regex CaseReferenceFormat();
}

using System.Net;
using System.Text.RegularExpressions;
using Lantern.IntegrationTests.Forms;
using Lantern.IntegrationTests.Infrastructure;
using Lantern.IntegrationTests.Privacy;
using Lantern.Web.Core.Access;
using Lantern.Web.Core.Audit;
using Lantern.Web.Core.Reports;
using Lantern.Web.Platform.Crypto;
using Lantern.Web.Referrals;
using Microsoft.EntityFrameworkCore;

namespace Lantern.IntegrationTests.Triage;

public sealed class ReportPageTestsOnSqlite(SqliteLanternFactory factory) : ReportPageTests<SqliteLanternFactory>(factory);

public sealed class ReportPageTestsOnPostgres(PostgresLanternFactory factory) : ReportPageTests<PostgresLanternFactory>(factory);

/// <summary>
/// <c>/staff/reports/{reference}</c> over HTTP like a browser without JavaScript: the decrypted report for the central
/// team, its actions (status, assignment, notes, cases), and what partners and other roles get.
/// </summary>
public abstract partial class ReportPageTests<TFactory>(TFactory factory) : LanternTestBase<TFactory>(factory)
    where TFactory : LanternFactory
{
    [Fact]
    public async Task AnAnalyst_SeesTheDecryptedReport_AndTheReadIsAudited()
    {
        var report = await SubmittedReports.SendAsync(Factory, cancellationToken: Cancellation);
        var (analyst, client) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Analyst);

        var page = await client.GetAsync(PathOf(report), Cancellation);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(report.Description, page.Html, StringComparison.Ordinal);
        Assert.Contains(report.ContactAddress, page.Html, StringComparison.Ordinal);
        Assert.Contains("Exploitation at work", page.Html, StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector("#immediate-danger"));
        Assert.Equal("New", page.Document.QuerySelector("#status")!.TextContent.Trim());
        Assert.Contains("no-store", page.Headers.CacheControl?.ToString() ?? string.Empty, StringComparison.Ordinal);
        var reads = await AuditAsync(report.Reference, "report.read");
        Assert.Contains(reads, e => e.Actor == analyst.Id.ToString() && e.Detail.Contains("via=page", StringComparison.Ordinal));
        Assert.DoesNotContain(reads, e => e.Detail.Contains(report.Description, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnUnknownReference_IsNotFound()
    {
        var (_, client) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Analyst);

        var page = await client.GetAsync("/staff/reports/LT-0000-0000", Cancellation);

        Assert.Equal(HttpStatusCode.NotFound, page.Status);

        // Inside the back office's own layout: its navigation and sign-out, a way back to its start, no public escape button.
        Assert.NotNull(page.Document.QuerySelector("form.sign-out"));
        Assert.Equal("/staff", page.Document.QuerySelector("main a")!.GetAttribute("href"));
        Assert.Null(page.Document.QuerySelector("#escape"));
    }

    [Fact]
    public async Task TheStatus_FollowsTheWorkflow_ClosingNeedsAnOutcome_AndAClosedReportCanBeReopened()
    {
        var report = await SubmittedReports.SendAsync(Factory, cancellationToken: Cancellation);
        var (analyst, client) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Analyst);
        var page = await client.GetAsync(PathOf(report), Cancellation);
        Assert.Null((await ReportAsync(report)).AcknowledgedAt);

        page = await page.Form("#status-form").Set("status", ReportStatus.InTriage).SubmitAsync(Cancellation);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("In triage", page.Document.QuerySelector("#status")!.TextContent.Trim());
        var triaged = await ReportAsync(report);
        Assert.Equal(ReportStatus.InTriage, triaged.Status);
        Assert.NotNull(triaged.AcknowledgedAt);
        Assert.NotNull(triaged.StatusChangedAt);

        page = await page.Form("#status-form").Set("status", ReportStatus.InProgress).SubmitAsync(Cancellation);
        var noOutcome = await page.Form("#status-form").Set("status", ReportStatus.Closed).SubmitAsync(Cancellation);
        Assert.Equal(HttpStatusCode.BadRequest, noOutcome.Status);
        Assert.Contains("choose an outcome", noOutcome.Document.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(ReportStatus.InProgress, (await ReportAsync(report)).Status);

        var closed = await noOutcome.Form("#status-form").Set("status", ReportStatus.Closed).Set("outcome", ReportOutcomes.Duplicate).SubmitAsync(Cancellation);
        Assert.Equal(HttpStatusCode.OK, closed.Status);
        var stored = await ReportAsync(report);
        Assert.Equal(ReportStatus.Closed, stored.Status);
        Assert.Equal(ReportOutcomes.Duplicate, stored.Outcome);
        Assert.Equal(triaged.AcknowledgedAt, stored.AcknowledgedAt);

        // A closed report offers only reopening, back to in progress; the outcome no longer applies.
        var options = closed.Document.QuerySelectorAll("#new-status option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Equal([ReportStatus.InProgress], options);
        var reopened = await closed.Form("#status-form").Set("status", ReportStatus.InProgress).SubmitAsync(Cancellation);
        Assert.Equal(HttpStatusCode.OK, reopened.Status);
        var again = await ReportAsync(report);
        Assert.Equal(ReportStatus.InProgress, again.Status);
        Assert.Null(again.Outcome);

        var actions = (await AuditAsync(report.Reference)).Where(e => e.Actor == analyst.Id.ToString()).Select(e => e.Action).ToList();
        Assert.Equal(3, actions.Count(a => a == "report.status-changed"));
        Assert.Contains("report.reopened", actions);
    }

    [Fact]
    public async Task AStatusChangeFromAStalePage_Answers409_AndKeepsTheNewerStatus()
    {
        var report = await SubmittedReports.SendAsync(Factory, cancellationToken: Cancellation);
        var (_, first) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Analyst);
        var (_, second) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Coordinator);
        var stale = await second.GetAsync(PathOf(report), Cancellation);

        await (await first.GetAsync(PathOf(report), Cancellation)).Form("#status-form").Set("status", ReportStatus.InProgress).SubmitAsync(Cancellation);
        var refused = await stale.Form("#status-form").Set("status", ReportStatus.Closed).Set("outcome", ReportOutcomes.Unfounded).SubmitAsync(Cancellation);

        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Contains("changed the status", refused.Document.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("In progress", refused.Document.QuerySelector("#status")!.TextContent.Trim());
        Assert.Equal(ReportStatus.InProgress, refused.Form("#status-form").Value("expected"));
        var stored = await ReportAsync(report);
        Assert.Equal(ReportStatus.InProgress, stored.Status);
        Assert.Null(stored.Outcome);
    }

    [Fact]
    public async Task AReport_IsAssignedToMe_ToAnotherAnalyst_AndUnassigned_ButNeverToAnOperator()
    {
        var report = await SubmittedReports.SendAsync(Factory, cancellationToken: Cancellation);
        var (analyst, client) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Analyst);
        var colleague = await StaffSessions.CreateAsync(Factory, StaffRoles.Analyst);
        var operatorAccount = await StaffSessions.CreateAsync(Factory, StaffRoles.Operator);
        var page = await client.GetAsync(PathOf(report), Cancellation);

        page = await page.Form("#assign-me-form").SubmitAsync(Cancellation);
        Assert.Equal(analyst.Id, (await ReportAsync(report)).AssignedToId);
        Assert.Equal(analyst.Email, page.Document.QuerySelector("#assigned")!.TextContent.Trim());
        Assert.NotNull((await ReportAsync(report)).AcknowledgedAt);

        page = await page.Form("#assign-form").Set("assignee", colleague.Id.ToString()).SubmitAsync(Cancellation);
        Assert.Equal(colleague.Id, (await ReportAsync(report)).AssignedToId);

        // The list offers only the central team; a forged choice of anyone else is refused.
        Assert.Null(page.Document.QuerySelector($"#assignee option[value='{operatorAccount.Id}']"));
        var forged = await PostAsync(page.Form("#assign-form"), ("assignee", operatorAccount.Id.ToString()));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(colleague.Id, (await ReportAsync(report)).AssignedToId);

        page = await page.Form("#unassign-form").SubmitAsync(Cancellation);
        Assert.Null((await ReportAsync(report)).AssignedToId);
        var actions = (await AuditAsync(report.Reference)).Select(e => e.Action).ToList();
        Assert.Equal(2, actions.Count(a => a == "report.assigned"));
        Assert.Contains("report.unassigned", actions);
    }

    [Fact]
    public async Task ANote_IsStoredEncrypted_AndShownToTheTeam()
    {
        var report = await SubmittedReports.SendAsync(Factory, cancellationToken: Cancellation);
        var (analyst, client) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Analyst);
        var marker = "note-marker-" + Guid.NewGuid().ToString("N");
        var page = await client.GetAsync(PathOf(report), Cancellation);

        page = await page.Form("#note-form").Set("Note", "Called the centre.\nThey know the place " + marker).SubmitAsync(Cancellation);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var shown = page.Document.QuerySelector("#notes .note")!;
        Assert.Contains(marker, shown.TextContent, StringComparison.Ordinal);
        Assert.Contains(analyst.Email, shown.TextContent, StringComparison.Ordinal);
        var note = await Factory.WithDbAsync(db => db.ReportItems.AsNoTracking()
            .SingleAsync(i => i.Kind == (int)ItemKind.Note && db.Reports.Any(r => r.Id == i.ReportId && r.Reference == report.Reference)));
        Assert.Equal(analyst.Id, note.AuthorId);
        Assert.Equal(1, note.Sequence);
        Assert.Contains(await AuditAsync(report.Reference), e => e.Action == "report.note-added");
        Assert.DoesNotContain(marker, Factory.Logs.AllText(), StringComparison.Ordinal);
        var found = StoredDataScan.Find(await Factory.ReadStoredDataAsync(), [marker]);
        Assert.True(found.Count == 0, "The note is stored in clear: " + string.Join("; ", found));

        // A second note takes the next number and both are listed, oldest first.
        page = await page.Form("#note-form").Set("Note", "Second note").SubmitAsync(Cancellation);
        var notes = page.Document.QuerySelectorAll("#notes .note-text").Select(n => n.TextContent).ToList();
        Assert.Equal(2, notes.Count);
        Assert.Equal("Second note", notes[1]);
    }

    [Fact]
    public async Task AnEmptyOrOverlongNote_IsRefusedWithAMessage_AndNothingIsStored()
    {
        var report = await SubmittedReports.SendAsync(Factory, cancellationToken: Cancellation);
        var (_, client) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Analyst);
        var page = await client.GetAsync(PathOf(report), Cancellation);

        var empty = await page.Form("#note-form").Set("Note", "   \n ").SubmitAsync(Cancellation);
        Assert.Equal(HttpStatusCode.BadRequest, empty.Status);
        Assert.Contains("Write the note", empty.Document.QuerySelector("#note-error")!.TextContent, StringComparison.Ordinal);

        var overlong = await page.Form("#note-form").Set("Note", new string('a', 10_001)).SubmitAsync(Cancellation);
        Assert.Equal(HttpStatusCode.BadRequest, overlong.Status);

        var control = await page.Form("#note-form").Set("Note", "bell \u0007").SubmitAsync(Cancellation);
        Assert.Equal(HttpStatusCode.BadRequest, control.Status);

        var notes = await Factory.WithDbAsync(db => db.ReportItems.CountAsync(i => i.Kind == (int)ItemKind.Note && db.Reports.Any(r => r.Id == i.ReportId && r.Reference == report.Reference)));
        Assert.Equal(0, notes);
    }

    [Fact]
    public async Task Reports_AreGroupedIntoACase_AddedByItsReference_AndTakenOut()
    {
        var first = await SubmittedReports.SendAsync(Factory, cancellationToken: Cancellation);
        var second = await SubmittedReports.SendAsync(Factory, immediateDanger: false, cancellationToken: Cancellation);
        var (_, client) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Analyst);

        var created = await (await client.GetAsync(PathOf(first), Cancellation)).Form("#case-create-form").SubmitAsync(Cancellation);
        Assert.Equal(HttpStatusCode.OK, created.Status);
        var caseReference = created.Document.QuerySelector("#case a")!.TextContent.Trim();
        Assert.Matches(CaseReference(), caseReference);

        var secondPage = await client.GetAsync(PathOf(second), Cancellation);
        var unknown = await secondPage.Form("#case-add-form").Set("CaseReference", "CS-0000-0000").SubmitAsync(Cancellation);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.Status);
        Assert.Null((await ReportAsync(second)).CaseId);
        var added = await unknown.Form("#case-add-form").Set("CaseReference", " " + caseReference.ToLowerInvariant() + " ").SubmitAsync(Cancellation);
        Assert.Equal(HttpStatusCode.OK, added.Status);
        Assert.Equal((await ReportAsync(first)).CaseId, (await ReportAsync(second)).CaseId);

        var casePage = await client.GetAsync("/staff/cases/" + caseReference, Cancellation);
        Assert.Equal(HttpStatusCode.OK, casePage.Status);
        var listed = casePage.Document.QuerySelectorAll("#case-reports tbody tr td:first-child").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(new[] { first.Reference, second.Reference }.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(first.Description, casePage.Html, StringComparison.Ordinal);

        var removed = await (await client.GetAsync(PathOf(first), Cancellation)).Form("#case-remove-form").SubmitAsync(Cancellation);
        Assert.Equal(HttpStatusCode.OK, removed.Status);
        Assert.Null((await ReportAsync(first)).CaseId);
        Assert.NotNull(removed.Document.QuerySelector("#case-create-form"));
        var after = await client.GetAsync("/staff/cases/" + caseReference, Cancellation);
        Assert.Equal([second.Reference], after.Document.QuerySelectorAll("#case-reports tbody tr td:first-child").Select(td => td.TextContent.Trim()).ToList());

        var actions = (await AuditAsync(first.Reference)).Select(e => e.Action).ToList();
        Assert.Contains("report.added-to-case", actions);
        Assert.Contains("report.removed-from-case", actions);
        Assert.Contains(await AuditAsync(caseReference), e => e.Action == "case.created");
    }

    [Fact]
    public async Task APartner_SeesNoReport_UntilItIsReferredToTheirOrganisation()
    {
        var report = await SubmittedReports.SendAsync(Factory, cancellationToken: Cancellation);
        var (_, analyst) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Analyst);
        var noteMarker = "partner-hidden-" + Guid.NewGuid().ToString("N");
        await (await analyst.GetAsync(PathOf(report), Cancellation)).Form("#note-form").Set("Note", noteMarker).SubmitAsync(Cancellation);
        var (_, partner) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.PartnerCaseworker, "payoke");

        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync(PathOf(report), Cancellation)).Status);

        // Referred to another organisation: still nothing.
        await SubmittedReports.PlantReferralRowAsync(Factory, report.Reference, "pag-asa", ReferralScopes.Full);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync(PathOf(report), Cancellation)).Status);

        await SubmittedReports.PlantReferralRowAsync(Factory, report.Reference, "payoke", ReferralScopes.WithoutContact);
        var page = await partner.GetAsync(PathOf(report), Cancellation);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(report.Description, page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(report.ContactAddress, page.Html, StringComparison.Ordinal);
        Assert.Contains("does not share them", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(noteMarker, page.Html, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("#notes"));
        Assert.Empty(page.Document.QuerySelectorAll("main form"));
        Assert.NotNull(page.Document.QuerySelector("#partner-view"));
        Assert.Null(page.Document.QuerySelector("#assigned"));
        Assert.Null(page.Document.QuerySelector("#case"));

        await SubmittedReports.PlantReferralRowAsync(Factory, report.Reference, "payoke", ReferralScopes.Full);
        var full = await partner.GetAsync(PathOf(report), Cancellation);
        Assert.Contains(report.ContactAddress, full.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(noteMarker, full.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APartner_CannotAct_OnAReferredReport_AndFindsNoOther()
    {
        var referred = await SubmittedReports.SendAsync(Factory, cancellationToken: Cancellation);
        var other = await SubmittedReports.SendAsync(Factory, cancellationToken: Cancellation);
        await SubmittedReports.PlantReferralRowAsync(Factory, referred.Reference, "surya", ReferralScopes.Full);
        var (_, partner) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.PartnerCaseworker, "surya");

        // The report page offers a partner no form: a token from another page stands in for a forged request.
        var token = (await partner.GetAsync("/staff/tokens", Cancellation)).Form("form[action*='handler=Create']").Value("__af")!;
        Assert.Equal(HttpStatusCode.Forbidden, await PostNoteAsync(partner, referred, token));
        Assert.Equal(HttpStatusCode.NotFound, await PostNoteAsync(partner, other, token));
        Assert.Equal(0, await Factory.WithDbAsync(db => db.ReportItems.CountAsync(i => i.Kind == (int)ItemKind.Note && db.Reports.Any(r => r.Id == i.ReportId && r.Reference == referred.Reference))));
    }

    [Fact]
    public async Task AnOperator_IsForbiddenTheReportPage()
    {
        var report = await SubmittedReports.SendAsync(Factory, cancellationToken: Cancellation);
        var (_, client) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Operator);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(PathOf(report), Cancellation)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/staff/cases/CS-0000-0000", Cancellation)).Status);
        Assert.Empty(await AuditAsync(report.Reference, "report.read"));
    }

    private static string PathOf(PlantedReport report) => "/staff/reports/" + report.Reference;

    private static async Task<HttpStatusCode> PostNoteAsync(FormClient client, PlantedReport report, string token)
    {
        using var content = new FormUrlEncodedContent([new("__af", token), new("Note", "should never be stored")]);
        using var response = await client.Client.PostAsync(new Uri(PathOf(report) + "?handler=Note", UriKind.Relative), content, Cancellation);
        return response.StatusCode;
    }

    /// <summary>Sends a form with some fields replaced by values the page did not offer, as a forged request would.</summary>
    private static async Task<HttpResponseMessage> PostAsync(FormFill form, params (string Name, string Value)[] replaced)
    {
        var fields = form.Fields.Where(f => replaced.All(r => r.Name != f.Key))
            .Concat(replaced.Select(r => new KeyValuePair<string, string>(r.Name, r.Value))).ToList();
        using var content = new FormUrlEncodedContent(fields);
        return await form.Page.Client.Client.PostAsync(new Uri(form.Page.Url, form.Form.GetAttribute("action")), content, Cancellation);
    }

    private Task<Report> ReportAsync(PlantedReport report) =>
        Factory.WithDbAsync(db => db.Reports.AsNoTracking().SingleAsync(r => r.Reference == report.Reference, Cancellation));

    private Task<List<AuditEntry>> AuditAsync(string record, string? action = null) =>
        Factory.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.Record == record && (action == null || e.Action == action)).OrderBy(e => e.Sequence).ToListAsync(Cancellation));

    [GeneratedRegex("^CS-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$")]
    private static partial Regex CaseReference();
}

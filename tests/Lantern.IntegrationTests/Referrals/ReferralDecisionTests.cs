using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lantern.IntegrationTests.Infrastructure;
using Lantern.Web.Core.Access;
using Lantern.Web.Core.Reports;
using Lantern.Web.Referrals;
using Microsoft.EntityFrameworkCore;

namespace Lantern.IntegrationTests.Referrals;

public sealed class ReferralDecisionTestsOnSqlite(SqliteLanternFactory factory) : ReferralDecisionTests<SqliteLanternFactory>(factory);

public sealed class ReferralDecisionTestsOnPostgres(PostgresLanternFactory factory) : ReferralDecisionTests<PostgresLanternFactory>(factory);

/// <summary>
/// The contact point's decisions besides referring: setting a routing proposal aside (and bringing it back), and
/// withdrawing a referral. Each is recorded and audited; a dismissal never opens the report to the organisation,
/// and a withdrawal closes it at once while the contact point keeps the history.
/// </summary>
public abstract class ReferralDecisionTests<TFactory>(TFactory factory) : LanternTestBase<TFactory>(factory)
    where TFactory : LanternFactory
{
    [Fact]
    public async Task DismissingAProposal_IsRecordedAndAudited_IsNotProposedAgain_AndCanBeBroughtBack()
    {
        var report = await ReferralReports.SendAsync(Factory, postcode: "4000", cancellationToken: Cancellation);
        var (coordinator, client) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Coordinator);
        var (_, partner) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.PartnerCaseworker, "surya");
        var path = "/staff/reports/" + report.Reference;

        var page = await client.GetAsync(path, Cancellation);
        var stale = page;
        var dismissed = await page.Form("#referrals form[action*=Dismiss]:has(input[value=surya])").SubmitAsync(Cancellation);

        Assert.Equal(HttpStatusCode.OK, dismissed.Status);
        Assert.Contains("set aside", dismissed.Document.QuerySelector("#referrals .notice")!.TextContent, StringComparison.Ordinal);
        Assert.Null(dismissed.Document.QuerySelector("#referrals form[action*=Confirm]:has(input[value=surya])"));
        var list = dismissed.Document.QuerySelector("#referrals-dismissed + ul")!.TextContent;
        Assert.Contains("Sürya", list, StringComparison.Ordinal);
        Assert.Contains(coordinator.Email, list, StringComparison.Ordinal);
        var stored = await Factory.WithDbAsync(db => db.ReferralDismissals.SingleAsync(d => db.Reports.Any(r => r.Id == d.ReportId && r.Reference == report.Reference), Cancellation));
        Assert.Equal(coordinator.Id, stored.DismissedById);
        Assert.NotNull(stored.RuleId);
        Assert.False(await Factory.WithDbAsync(db => db.Referrals.AnyAsync(f => f.ReportId == stored.ReportId, Cancellation)));
        Assert.Equal(ReportStatus.New, await Factory.WithDbAsync(db => db.Reports.Where(r => r.Id == stored.ReportId).Select(r => r.Status).SingleAsync(Cancellation)));

        // A dismissal is not a referral: the organisation still finds nothing.
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync(path, Cancellation)).Status);

        // The same proposal from a page shown before: a conflict, not a second row.
        var again = await stale.Form("#referrals form[action*=Dismiss]:has(input[value=surya])").SubmitAsync(Cancellation);
        Assert.Equal(HttpStatusCode.Conflict, again.Status);
        Assert.Equal(1, await Factory.WithDbAsync(db => db.ReferralDismissals.CountAsync(d => d.ReportId == stored.ReportId, Cancellation)));

        var restored = await (await client.GetAsync(path, Cancellation)).Form("#referrals form[action*=Restore]").SubmitAsync(Cancellation);
        Assert.Equal(HttpStatusCode.OK, restored.Status);
        Assert.NotNull(restored.Document.QuerySelector("#referrals form[action*=Confirm]:has(input[value=surya])"));
        Assert.Null(restored.Document.QuerySelector("#referrals-dismissed"));
        Assert.False(await Factory.WithDbAsync(db => db.ReferralDismissals.AnyAsync(d => d.ReportId == stored.ReportId, Cancellation)));

        var audit = await AuditAsync(report.Reference);
        Assert.Contains(audit, a => a == $"referral.proposal-dismissed organisation=surya; rule={stored.RuleId}");
        Assert.Contains("referral.proposal-restored organisation=surya", audit);
    }

    [Fact]
    public async Task ReferringByHand_ToADismissedOrganisation_OverridesTheDismissal()
    {
        var report = await ReferralReports.SendAsync(Factory, postcode: "2000", cancellationToken: Cancellation);
        using var api = await ApiAsAsync(StaffRoles.Analyst);
        var rule = await ProposalRuleAsync(api, report.Reference, "payoke");

        using var dismissed = await PostJsonAsync(api, $"/api/v1/reports/{report.Reference}/referral-dismissals", new { organisation = "payoke", rule });
        Assert.Equal(HttpStatusCode.NoContent, dismissed.StatusCode);
        using var referred = await ReferralReports.ReferThroughApiAsync(api, report.Reference, new { organisation = "payoke", scope = "full" }, Cancellation);

        Assert.Equal(HttpStatusCode.Created, referred.StatusCode);
        var detail = await ReferralReports.GetJsonAsync(api, "/api/v1/reports/" + report.Reference, Cancellation);
        Assert.Empty(detail["dismissedProposals"]!.AsArray());
        Assert.Equal("payoke", detail["referrals"]!.AsArray().Single()!["organisation"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheDismissalApi_Answers204_And400_403_404_409()
    {
        var report = await ReferralReports.SendAsync(Factory, postcode: "1000", cancellationToken: Cancellation);
        using var api = await ApiAsAsync(StaffRoles.Coordinator);
        using var operatorApi = await ApiAsAsync(StaffRoles.Operator);
        var rule = await ProposalRuleAsync(api, report.Reference, "pag-asa");
        var dismissals = $"/api/v1/reports/{report.Reference}/referral-dismissals";

        using var unknownOrganisation = await PostJsonAsync(api, dismissals, new { organisation = "nobody", rule });
        using var malformed = await api.PostAsync(new Uri(dismissals, UriKind.Relative), new StringContent("[", Encoding.UTF8, "application/json"), Cancellation);
        using var notAllowed = await PostJsonAsync(operatorApi, dismissals, new { organisation = "pag-asa", rule });
        using var unknownReport = await PostJsonAsync(api, "/api/v1/reports/LT-0000-0000/referral-dismissals", new { organisation = "pag-asa", rule });
        using var wrongRule = await PostJsonAsync(api, dismissals, new { organisation = "pag-asa", rule = rule + 1000 });
        using var done = await PostJsonAsync(api, dismissals, new { organisation = "pag-asa", rule });
        using var twice = await PostJsonAsync(api, dismissals, new { organisation = "pag-asa", rule });

        Assert.Equal(HttpStatusCode.BadRequest, unknownOrganisation.StatusCode);
        Assert.Equal("application/problem+json", unknownOrganisation.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, notAllowed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownReport.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, wrongRule.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, done.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.DoesNotContain("pag-asa", await ReferralReports.ProposedAsync(api, report.Reference, Cancellation));
        var detail = await ReferralReports.GetJsonAsync(api, "/api/v1/reports/" + report.Reference, Cancellation);
        var listed = detail["dismissedProposals"]!.AsArray().Single()!;
        Assert.Equal("pag-asa", listed["organisation"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(listed["rule"]!.GetValue<string>()));

        using var restored = await api.DeleteAsync(new Uri(dismissals + "/pag-asa", UriKind.Relative), Cancellation);
        using var restoredTwice = await api.DeleteAsync(new Uri(dismissals + "/pag-asa", UriKind.Relative), Cancellation);
        Assert.Equal(HttpStatusCode.NoContent, restored.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, restoredTwice.StatusCode);
        Assert.Contains("pag-asa", await ReferralReports.ProposedAsync(api, report.Reference, Cancellation));
    }

    [Fact]
    public async Task WithdrawingAReferral_CutsThePartnerOff_KeepsTheHistory_TellsTheOrganisation_AndReopensTheReport()
    {
        var notices = $"withdrawn-{Guid.NewGuid():N}@surya.example";
        await Factory.WithDbAsync(db => db.Organisations.Where(o => o.Code == "surya").ExecuteUpdateAsync(s => s.SetProperty(o => o.NoticeEmail, notices), Cancellation));
        var report = await ReferralReports.SendAsync(Factory, postcode: "4000", cancellationToken: Cancellation);
        using var coordinatorApi = await ApiAsAsync(StaffRoles.Coordinator);
        var id = await ReferThroughApiAsync(coordinatorApi, report.Reference, "surya");
        var (partnerMember, partner) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.PartnerCaseworker, "surya");
        using var partnerApi = ReferralReports.Api(Factory, await StaffSessions.TokenAsync(Factory, partnerMember));
        var referralPath = "/staff/referrals/" + id;
        var partnerPage = await partner.GetAsync(referralPath, Cancellation);
        var updated = await partnerPage.Form("#update-form").Set("Text", "We phoned the person once.").SubmitAsync(Cancellation);
        Assert.Equal(HttpStatusCode.OK, updated.Status);
        Assert.Null(updated.Document.QuerySelector("#withdraw-form"));
        var (coordinator, client) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Coordinator);

        var page = await client.GetAsync(referralPath, Cancellation);
        var noReason = await page.Form("#withdraw-form").SubmitAsync(Cancellation);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.Status);
        Assert.Contains("why the referral is withdrawn", noReason.Document.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(ReferralStates.Sent, await StateAsync(id));
        var withdrawn = await page.Form("#withdraw-form").Set("reason", "Sent to the wrong region by mistake.").SubmitAsync(Cancellation);

        Assert.Equal(HttpStatusCode.OK, withdrawn.Status);
        Assert.Contains("was withdrawn", withdrawn.Document.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Withdrawn by the contact point", withdrawn.Document.QuerySelector("#referral-state")!.TextContent.Trim());
        Assert.Null(withdrawn.Document.QuerySelector("#withdraw-form"));
        var stored = await Factory.WithDbAsync(db => db.Referrals.SingleAsync(f => f.Id == id, Cancellation));
        Assert.Equal(ReferralStates.Withdrawn, stored.State);
        Assert.Equal(coordinator.Id, stored.WithdrawnById);
        Assert.NotNull(stored.WithdrawnAt);
        Assert.Equal(ReportStatus.InProgress, await Factory.WithDbAsync(db => db.Reports.Where(r => r.Id == stored.ReportId).Select(r => r.Status).SingleAsync(Cancellation)));

        // The partner: nothing any more, in pages and API.
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync(referralPath, Cancellation)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync("/staff/reports/" + report.Reference, Cancellation)).Status);
        Assert.DoesNotContain(report.Reference, (await partner.GetAsync("/staff/referrals", Cancellation)).Html, StringComparison.Ordinal);
        using var read = await partnerApi.GetAsync(new Uri("/api/v1/reports/" + report.Reference, UriKind.Relative), Cancellation);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.DoesNotContain(report.Reference, (await ReferralReports.GetJsonAsync(partnerApi, "/api/v1/referrals", Cancellation)).ToJsonString(), StringComparison.Ordinal);
        using var acknowledge = await partnerApi.PostAsync(new Uri($"/api/v1/referrals/{id}/acknowledge", UriKind.Relative), null, Cancellation);
        Assert.Equal(HttpStatusCode.NotFound, acknowledge.StatusCode);
        var lateUpdate = await updated.Form("#update-form").Set("Text", "Too late.").SubmitAsync(Cancellation);
        Assert.Equal(HttpStatusCode.NotFound, lateUpdate.Status);

        // The contact point keeps the history: the partner's update and the reason, both encrypted at rest.
        var reportPage = await client.GetAsync("/staff/reports/" + report.Reference, Cancellation);
        var section = reportPage.Document.QuerySelector("#referral-" + id)!.TextContent;
        Assert.Contains("Withdrawn by the contact point", section, StringComparison.Ordinal);
        Assert.Contains("We phoned the person once.", section, StringComparison.Ordinal);
        Assert.Contains("Sent to the wrong region by mistake.", section, StringComparison.Ordinal);
        Assert.Contains("reason for withdrawing", section, StringComparison.Ordinal);
        var ciphertexts = await Factory.WithDbAsync(db => db.ReportItems.Where(i => i.ReferralId == id).Select(i => i.Ciphertext).ToListAsync(Cancellation));
        Assert.Equal(2, ciphertexts.Count);
        Assert.DoesNotContain(ciphertexts, c => Encoding.UTF8.GetString(c).Contains("wrong region", StringComparison.Ordinal));

        // The organisation is told, without report content.
        var mail = await Factory.WithDbAsync(db => db.MailOutbox.SingleAsync(m => m.To == notices && m.Subject.Contains("withdrawn"), Cancellation));
        Assert.Contains(id.ToString(), mail.Body, StringComparison.Ordinal);
        foreach (var secret in new[] { report.Reference, report.Description, report.ContactAddress, "wrong region", "4000" })
        {
            Assert.DoesNotContain(secret, mail.Subject + mail.Body, StringComparison.OrdinalIgnoreCase);
        }

        var audit = await AuditAsync(report.Reference);
        Assert.Contains($"referral.withdrawn referral={id}; organisation=surya; from=sent", audit);
        Assert.Contains("report.status-changed from=referred; to=in-progress; via=referral-withdrawn", audit);
        Assert.DoesNotContain(audit, a => a.Contains("wrong region", StringComparison.Ordinal));

        // Referring there again is a new referral beside the withdrawn one, and the partner sees the report again.
        var againId = await ReferThroughApiAsync(coordinatorApi, report.Reference, "surya");
        Assert.NotEqual(id, againId);
        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync("/staff/referrals/" + againId, Cancellation)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync(referralPath, Cancellation)).Status);
    }

    [Fact]
    public async Task WithdrawingOneOfTwoReferrals_LeavesTheReportReferred()
    {
        var report = await ReferralReports.SendAsync(Factory, postcode: "1000", minors: true, cancellationToken: Cancellation);
        using var api = await ApiAsAsync(StaffRoles.Analyst);
        var first = await ReferThroughApiAsync(api, report.Reference, "pag-asa");
        await ReferThroughApiAsync(api, report.Reference, "child-focus");

        using var withdrawn = await PostJsonAsync(api, $"/api/v1/referrals/{first}/withdraw", new { reason = "Child Focus takes it alone." });

        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.Equal("withdrawn", JsonNode.Parse(await withdrawn.Content.ReadAsStringAsync(Cancellation))!["state"]!.GetValue<string>());
        var detail = await ReferralReports.GetJsonAsync(api, "/api/v1/reports/" + report.Reference, Cancellation);
        Assert.Equal("referred", detail["status"]!.GetValue<string>());
        Assert.DoesNotContain("pag-asa", await ReferralReports.ProposedAsync(api, report.Reference, Cancellation));
        Assert.Contains(detail["referrals"]!.AsArray(), r => r!["organisation"]!.GetValue<string>() == "pag-asa" && r["withdrawnAt"] is not null);
    }

    [Fact]
    public async Task TheWithdrawApi_Answers400_403_404_409_WithLocalisedProblems()
    {
        var report = await ReferralReports.SendAsync(Factory, postcode: "2000", cancellationToken: Cancellation);
        using var api = await ApiAsAsync(StaffRoles.Coordinator);
        var id = await ReferThroughApiAsync(api, report.Reference, "payoke");
        using var partnerApi = await ApiAsAsync(StaffRoles.PartnerCaseworker, "payoke");
        using var outsiderApi = await ApiAsAsync(StaffRoles.PartnerCaseworker, "surya");
        var withdraw = $"/api/v1/referrals/{id}/withdraw";

        using var noReason = await PostJsonAsync(api, withdraw, new { reason = "   " });
        api.DefaultRequestHeaders.AcceptLanguage.ParseAdd("nl");
        using var dutch = await PostJsonAsync(api, withdraw, new { });
        api.DefaultRequestHeaders.AcceptLanguage.Clear();
        using var tooLong = await PostJsonAsync(api, withdraw, new { reason = new string('x', WithdrawReferral.MaxReasonLength + 1) });
        using var malformed = await api.PostAsync(new Uri(withdraw, UriKind.Relative), new StringContent("{\"reason\":", Encoding.UTF8, "application/json"), Cancellation);
        using var byPartner = await PostJsonAsync(partnerApi, withdraw, new { reason = "We would rather not." });
        using var byOutsider = await PostJsonAsync(outsiderApi, withdraw, new { reason = "Not ours." });
        using var unknown = await PostJsonAsync(api, $"/api/v1/referrals/{Guid.NewGuid()}/withdraw", new { reason = "Nothing." });
        Assert.Equal(ReferralStates.Sent, await StateAsync(id));
        using var done = await PostJsonAsync(api, withdraw, new { reason = "The person moved abroad." });
        using var twice = await PostJsonAsync(api, withdraw, new { reason = "Again." });

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal("application/problem+json", noReason.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, dutch.StatusCode);
        Assert.Contains("Geef aan waarom", await dutch.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        // Partners lack the permission: the same 403 whether or not the referral is theirs, so it tells nothing.
        Assert.Equal(HttpStatusCode.Forbidden, byPartner.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byOutsider.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Contains("already been withdrawn", await twice.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
        Assert.Equal(1, await Factory.WithDbAsync(db => db.ReportItems.CountAsync(i => i.ReferralId == id, Cancellation)));
    }

    [Fact]
    public async Task TheOpenApiDocument_DescribesDismissalsAndWithdrawal()
    {
        using var client = Factory.CreateClient();

        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), Cancellation));

        var paths = json.RootElement.GetProperty("paths");
        var dismiss = paths.GetProperty("/api/v1/reports/{reference}/referral-dismissals").GetProperty("post");
        Assert.Equal("DismissReferralProposal", dismiss.GetProperty("operationId").GetString());
        Assert.True(dismiss.TryGetProperty("requestBody", out _));
        var restore = paths.GetProperty("/api/v1/reports/{reference}/referral-dismissals/{organisation}").GetProperty("delete");
        Assert.Equal("RestoreReferralProposal", restore.GetProperty("operationId").GetString());
        var withdraw = paths.GetProperty("/api/v1/referrals/{id}/withdraw").GetProperty("post");
        Assert.Equal("WithdrawReferral", withdraw.GetProperty("operationId").GetString());
        foreach (var status in new[] { "200", "400", "401", "403", "404", "409" })
        {
            Assert.True(withdraw.GetProperty("responses").TryGetProperty(status, out _), status);
        }

        // The referral properties Referrals adds to the report detail (through the core's IReportDetailPart) are described.
        var detail = json.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("ReportDetail").GetProperty("properties");
        foreach (var property in new[] { "referrals", "proposedReferrals", "dismissedProposals" })
        {
            Assert.Equal("array", detail.GetProperty(property).GetProperty("type").ToString().Trim('[', ']', '"', ' ').Split(',')[0].Trim('"'));
        }
    }

    private async Task<HttpClient> ApiAsAsync(string role, string? organisation = null)
    {
        var member = await StaffSessions.CreateAsync(Factory, role, organisation);
        return ReferralReports.Api(Factory, await StaffSessions.TokenAsync(Factory, member));
    }

    private static Task<Guid> ReferThroughApiAsync(HttpClient api, string reference, string organisation) =>
        ReferralReports.ReferThroughApiForIdAsync(api, reference, organisation, ReferralScopes.Full, Cancellation);

    private static async Task<int> ProposalRuleAsync(HttpClient api, string reference, string organisation)
    {
        var detail = await ReferralReports.GetJsonAsync(api, "/api/v1/reports/" + reference, Cancellation);
        return detail["proposedReferrals"]!.AsArray().Single(p => p!["organisation"]!.GetValue<string>() == organisation)!["ruleId"]!.GetValue<int>();
    }

    private static Task<HttpResponseMessage> PostJsonAsync(HttpClient api, string path, object body) =>
        api.PostAsync(new Uri(path, UriKind.Relative), new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"), Cancellation);

    private Task<string> StateAsync(Guid id) => Factory.WithDbAsync(db => db.Referrals.Where(f => f.Id == id).Select(f => f.State).SingleAsync(Cancellation));

    private Task<List<string>> AuditAsync(string reference) =>
        Factory.WithDbAsync(db => db.AuditEntries.Where(e => e.Record == reference).Select(e => e.Action + " " + e.Detail).ToListAsync(Cancellation));
}

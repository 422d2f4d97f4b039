using System.Net;
using System.Text.Json.Nodes;
using Lantern.IntegrationTests.Infrastructure;
using Lantern.Web.Core.Access;
using Lantern.Web.Core.Reports;
using Lantern.Web.Platform.Crypto;
using Lantern.Web.Referrals;
using Microsoft.EntityFrameworkCore;

namespace Lantern.IntegrationTests.Referrals;

public sealed class ReferralTestsOnSqlite(SqliteLanternFactory factory) : ReferralTests<SqliteLanternFactory>(factory);

public sealed class ReferralTestsOnPostgres(PostgresLanternFactory factory) : ReferralTests<PostgresLanternFactory>(factory);

/// <summary>
/// Referring a report and what follows: the contact point confirms a proposal or refers by hand (page and API),
/// the organisation is notified through the outbox without report content, its caseworkers see the report within
/// the referral's scope and nothing else, and answer through the state machine (refusals are 4xx, never 500).
/// </summary>
public abstract class ReferralTests<TFactory>(TFactory factory) : LanternTestBase<TFactory>(factory)
    where TFactory : LanternFactory
{
    [Fact]
    public async Task ACoordinator_ConfirmsAProposal_TheReportIsReferred_AndANoticeWithoutContentWaitsInTheOutbox()
    {
        await SetNoticeEmailAsync("surya", "referrals@surya.example.org");
        var report = await ReferralReports.SendAsync(Factory, postcode: "4000", cancellationToken: Cancellation);
        var (coordinator, client) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Coordinator);

        var page = await client.GetAsync("/staff/reports/" + report.Reference, Cancellation);
        Assert.Contains("victim centre of its region", page.Document.QuerySelector("#referrals")!.TextContent, StringComparison.Ordinal);
        var sent = await page.Form("#referrals form[action*=Confirm]").SubmitAsync(Cancellation);

        Assert.Equal(HttpStatusCode.OK, sent.Status);
        Assert.Equal("Referred", sent.Document.QuerySelector("#status")!.TextContent.Trim());
        Assert.NotNull(sent.Document.QuerySelector("#referral-surya"));
        var referral = await ReferralOfAsync(report.Reference, "surya");
        Assert.Equal(ReferralStates.Sent, referral.State);
        Assert.Equal(ReferralScopes.Full, referral.Scope);
        Assert.Equal(coordinator.Id, referral.CreatedById);
        Assert.NotNull(referral.RuleId);
        Assert.Equal(24, (referral.DueAt - referral.CreatedAt).TotalHours, 3);

        var mail = await Factory.WithDbAsync(db => db.MailOutbox.SingleAsync(m => m.To == "referrals@surya.example.org" && m.Body.Contains(referral.Id.ToString()), Cancellation));
        Assert.Null(mail.SentAt);
        Assert.Contains("http://localhost:5080/staff/referrals/" + referral.Id, mail.Body, StringComparison.Ordinal);
        foreach (var secret in new[] { report.Reference, report.Description, report.ContactAddress, "passports", "4000", "victim" })
        {
            Assert.DoesNotContain(secret, mail.Subject + mail.Body, StringComparison.OrdinalIgnoreCase);
        }

        var audit = await Factory.WithDbAsync(db => db.AuditEntries.Where(e => e.Record == report.Reference).Select(e => e.Action + " " + e.Detail).ToListAsync(Cancellation));
        Assert.Contains(audit, a => a.StartsWith("referral.created", StringComparison.Ordinal) && a.Contains("organisation=surya", StringComparison.Ordinal) && a.Contains("rule=", StringComparison.Ordinal));
        Assert.Contains(audit, a => a.StartsWith("report.status-changed", StringComparison.Ordinal) && a.Contains("to=referred", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnOrganisationWithoutNoticeAddress_GetsNoMail_AndTheReferralIsStillSaved_WithTheDangerDeadline()
    {
        var report = await ReferralReports.SendAsync(Factory, postcode: "1000", danger: true, cancellationToken: Cancellation);
        var (_, client) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Analyst);
        var before = await Factory.WithDbAsync(db => db.MailOutbox.CountAsync(Cancellation));

        var page = await client.GetAsync("/staff/reports/" + report.Reference, Cancellation);
        var sent = await page.Form("#referral-add-form").Set("organisation", "myria").Set("scope", ReferralScopes.WithoutContact).SubmitAsync(Cancellation);

        Assert.Equal(HttpStatusCode.OK, sent.Status);
        var referral = await ReferralOfAsync(report.Reference, "myria");
        Assert.Null(referral.RuleId);
        Assert.Equal(1, (referral.DueAt - referral.CreatedAt).TotalHours, 3);
        Assert.Equal(before, await Factory.WithDbAsync(db => db.MailOutbox.CountAsync(Cancellation)));
        Assert.Contains("Added by hand", sent.Document.QuerySelector("#referral-myria")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheStatusReferred_NeedsAReferral()
    {
        var report = await ReferralReports.SendAsync(Factory, cancellationToken: Cancellation);
        var (_, client) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Analyst);

        var page = await client.GetAsync("/staff/reports/" + report.Reference, Cancellation);
        var refused = await page.Form("#status-form").Set("status", ReportStatus.Referred).SubmitAsync(Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("only once it has a referral", refused.Document.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheReferApi_Answers201_400_404_409_WithLocalisedProblems()
    {
        var report = await ReferralReports.SendAsync(Factory, postcode: "2000", cancellationToken: Cancellation);
        var coordinator = await StaffSessions.CreateAsync(Factory, StaffRoles.Coordinator);
        using var api = ReferralReports.Api(Factory, await StaffSessions.TokenAsync(Factory, coordinator));
        var partner = await StaffSessions.CreateAsync(Factory, StaffRoles.PartnerCaseworker, "payoke");
        using var partnerApi = ReferralReports.Api(Factory, await StaffSessions.TokenAsync(Factory, partner));

        using var badOrganisation = await ReferralReports.ReferThroughApiAsync(api, report.Reference, new { organisation = "nobody", scope = "full" }, Cancellation);
        using var badScope = await ReferralReports.ReferThroughApiAsync(api, report.Reference, new { organisation = "payoke", scope = "everything" }, Cancellation);
        api.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");
        using var frenchScope = await ReferralReports.ReferThroughApiAsync(api, report.Reference, new { organisation = "payoke" }, Cancellation);
        api.DefaultRequestHeaders.AcceptLanguage.Clear();
        using var unknown = await ReferralReports.ReferThroughApiAsync(api, "LT-0000-0000", new { organisation = "payoke", scope = "full" }, Cancellation);
        using var byPartner = await ReferralReports.ReferThroughApiAsync(partnerApi, report.Reference, new { organisation = "payoke", scope = "full" }, Cancellation);
        using var malformed = await api.PostAsync(new Uri($"/api/v1/reports/{report.Reference}/referrals", UriKind.Relative), new StringContent("{", System.Text.Encoding.UTF8, "application/json"), Cancellation);
        using var created = await ReferralReports.ReferThroughApiAsync(api, report.Reference, new { organisation = "payoke", scope = "without-contact" }, Cancellation);
        using var again = await ReferralReports.ReferThroughApiAsync(api, report.Reference, new { organisation = "payoke", scope = "full" }, Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, badOrganisation.StatusCode);
        Assert.Equal("application/problem+json", badOrganisation.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Choose an organisation", await badOrganisation.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badScope.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, frenchScope.StatusCode);
        Assert.Contains("Choisissez ce que l", await frenchScope.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byPartner.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = JsonNode.Parse(await created.Content.ReadAsStringAsync(Cancellation))!;
        Assert.Equal("payoke", body["organisation"]!.GetValue<string>());
        Assert.Equal("sent", body["state"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);

        var detail = await ReferralReports.GetJsonAsync(api, "/api/v1/reports/" + report.Reference, Cancellation);
        Assert.Equal("payoke", detail["referrals"]!.AsArray().Single()!["organisation"]!.GetValue<string>());
        Assert.DoesNotContain(detail["proposedReferrals"]!.AsArray(), p => p!["organisation"]!.GetValue<string>() == "payoke");
        Assert.Equal("referred", detail["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task APartner_SeesTheReferredReportWithinItsScope_AndAnotherOrganisationGets404Everywhere()
    {
        var report = await ReferralReports.SendAsync(Factory, postcode: "1000", cancellationToken: Cancellation);
        var other = await ReferralReports.SendAsync(Factory, postcode: "1000", cancellationToken: Cancellation);
        var id = await ReferByApiAsync(report.Reference, "pag-asa", ReferralScopes.WithoutContact);
        var (partner, client) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.PartnerCaseworker, "pag-asa");
        using var partnerApi = ReferralReports.Api(Factory, await StaffSessions.TokenAsync(Factory, partner));
        var (outsider, outsiderClient) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.PartnerCaseworker, "payoke");
        using var outsiderApi = ReferralReports.Api(Factory, await StaffSessions.TokenAsync(Factory, outsider));

        var inbox = await client.GetAsync("/staff/referrals", Cancellation);
        Assert.Contains(report.Reference, inbox.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(other.Reference, inbox.Html, StringComparison.Ordinal);
        var page = await client.GetAsync("/staff/referrals/" + id, Cancellation);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(report.Description, page.Document.QuerySelector("#shared-description")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(report.ContactAddress, page.Html, StringComparison.Ordinal);
        Assert.Contains("does not share them", page.Document.QuerySelector("#shared-contact")!.TextContent, StringComparison.Ordinal);
        var reportPage = await client.GetAsync("/staff/reports/" + report.Reference, Cancellation);
        Assert.Equal(HttpStatusCode.OK, reportPage.Status);
        Assert.DoesNotContain(report.ContactAddress, reportPage.Html, StringComparison.Ordinal);
        Assert.Null(reportPage.Document.QuerySelector("#referral-add-form"));
        Assert.NotNull(reportPage.Document.QuerySelector($"#referrals a[href='/staff/referrals/{id}']"));
        var detail = await ReferralReports.GetJsonAsync(partnerApi, "/api/v1/reports/" + report.Reference, Cancellation);
        Assert.DoesNotContain(report.ContactAddress, detail.ToJsonString(), StringComparison.Ordinal);
        Assert.Null(detail["referrals"]);
        var listed = await ReferralReports.GetJsonAsync(partnerApi, "/api/v1/referrals", Cancellation);
        Assert.Contains(listed.AsArray(), r => r!["report"]!.GetValue<string>() == report.Reference);
        Assert.DoesNotContain(listed.AsArray(), r => r!["organisation"]!.GetValue<string>() != "pag-asa");
        var reads = await Factory.WithDbAsync(db => db.AuditEntries.Where(e => e.Actor == partner.Id.ToString()).Select(e => e.Action).ToListAsync(Cancellation));
        Assert.Contains("referral.read", reads);
        Assert.Contains("report.read", reads);

        // The other organisation's caseworker: nothing, in pages and API.
        Assert.Equal(HttpStatusCode.NotFound, (await outsiderClient.GetAsync("/staff/referrals/" + id, Cancellation)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await outsiderClient.GetAsync("/staff/reports/" + report.Reference, Cancellation)).Status);
        Assert.DoesNotContain(report.Reference, (await outsiderClient.GetAsync("/staff/referrals", Cancellation)).Html, StringComparison.Ordinal);
        using var outsiderAck = await outsiderApi.PostAsync(new Uri($"/api/v1/referrals/{id}/acknowledge", UriKind.Relative), null, Cancellation);
        Assert.Equal(HttpStatusCode.NotFound, outsiderAck.StatusCode);
        using var outsiderRead = await outsiderApi.GetAsync(new Uri("/api/v1/reports/" + report.Reference, UriKind.Relative), Cancellation);
        Assert.Equal(HttpStatusCode.NotFound, outsiderRead.StatusCode);
        Assert.DoesNotContain(report.Reference, (await ReferralReports.GetJsonAsync(outsiderApi, "/api/v1/referrals", Cancellation)).ToJsonString(), StringComparison.Ordinal);
        var outsiderPage = await outsiderClient.GetAsync("/staff/referrals", Cancellation);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(outsiderClient, outsiderPage, $"/staff/referrals/{id}?handler=Acknowledge")).StatusCode);
    }

    [Fact]
    public async Task AFullReferral_ShowsTheContactDetails_ToThePartner()
    {
        var report = await ReferralReports.SendAsync(Factory, postcode: "2000", cancellationToken: Cancellation);
        var id = await ReferByApiAsync(report.Reference, "payoke", ReferralScopes.Full);
        var (_, client) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.PartnerCaseworker, "payoke");

        var page = await client.GetAsync("/staff/referrals/" + id, Cancellation);

        Assert.Contains(report.ContactAddress, page.Document.QuerySelector("#shared-contact")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePartner_AnswersThroughTheStateMachine_RefusalsAre4xx_AndTheContactPointSeesUpdatesAndOutcome()
    {
        var report = await ReferralReports.SendAsync(Factory, postcode: "4000", cancellationToken: Cancellation);
        var id = await ReferByApiAsync(report.Reference, "surya", ReferralScopes.Full);
        var (partner, client) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.PartnerCaseworker, "surya");
        using var partnerApi = ReferralReports.Api(Factory, await StaffSessions.TokenAsync(Factory, partner));
        var coordinator = await StaffSessions.CreateAsync(Factory, StaffRoles.Coordinator);
        using var coordinatorApi = ReferralReports.Api(Factory, await StaffSessions.TokenAsync(Factory, coordinator));
        var path = "/staff/referrals/" + id;

        using var byCoordinator = await coordinatorApi.PostAsync(new Uri($"/api/v1/referrals/{id}/acknowledge", UriKind.Relative), null, Cancellation);
        Assert.Equal(HttpStatusCode.Forbidden, byCoordinator.StatusCode);
        var page = await client.GetAsync(path, Cancellation);
        var closeTooEarly = await PostAsync(client, page, path + "?handler=Close", ("outcome", "support-started"));
        Assert.Equal(HttpStatusCode.Conflict, closeTooEarly.StatusCode);

        using var acknowledged = await partnerApi.PostAsync(new Uri($"/api/v1/referrals/{id}/acknowledge", UriKind.Relative), null, Cancellation);
        Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
        using var twice = await partnerApi.PostAsync(new Uri($"/api/v1/referrals/{id}/acknowledge", UriKind.Relative), null, Cancellation);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal("application/problem+json", twice.Content.Headers.ContentType?.MediaType);

        page = await client.GetAsync(path, Cancellation);
        var noReason = await page.Form("#decline-form").SubmitAsync(Cancellation);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.Status);
        Assert.Contains("why you decline", noReason.Document.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);

        page = await client.GetAsync(path, Cancellation);
        var accepted = await page.Form("form[action*=Accept]").SubmitAsync(Cancellation);
        Assert.Equal("Accepted", accepted.Document.QuerySelector("#referral-state")!.TextContent.Trim());
        var updated = await accepted.Form("#update-form").Set("Text", "We met the person on Tuesday.").SubmitAsync(Cancellation);
        Assert.Contains("We met the person on Tuesday.", updated.Html, StringComparison.Ordinal);
        var noOutcome = await updated.Form("#close-form").SubmitAsync(Cancellation);
        Assert.Equal(HttpStatusCode.BadRequest, noOutcome.Status);
        var closed = await (await client.GetAsync(path, Cancellation)).Form("#close-form").Set("outcome", "support-started").Set("note", "Housed in a shelter.").SubmitAsync(Cancellation);
        Assert.Equal("Closed", closed.Document.QuerySelector("#referral-state")!.TextContent.Trim());
        var declineAfterClose = await PostAsync(client, closed, path + "?handler=Decline", ("reason", "too late"));
        Assert.Equal(HttpStatusCode.Conflict, declineAfterClose.StatusCode);
        var updateAfterClose = await PostAsync(client, closed, path + "?handler=Update", ("Text", "more"));
        Assert.Equal(HttpStatusCode.Conflict, updateAfterClose.StatusCode);

        var stored = await Factory.WithDbAsync(db => db.Referrals.SingleAsync(f => f.Id == id, Cancellation));
        Assert.Equal(ReferralStates.Closed, stored.State);
        Assert.Equal("support-started", stored.Outcome);
        Assert.NotNull(stored.AcknowledgedAt);
        Assert.NotNull(stored.RespondedAt);
        Assert.NotNull(stored.PartnerUpdatedAt);
        var items = await Factory.WithDbAsync(db => db.ReportItems.Where(i => i.ReferralId == id).ToListAsync(Cancellation));
        Assert.Equal(2, items.Count);
        Assert.All(items, i => Assert.Equal((int)ItemKind.ReferralUpdate, i.Kind));
        Assert.DoesNotContain(items, i => System.Text.Encoding.UTF8.GetString(i.Ciphertext).Contains("Tuesday", StringComparison.Ordinal));

        var (_, central) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Analyst);
        var reportPage = await central.GetAsync("/staff/reports/" + report.Reference, Cancellation);
        var section = reportPage.Document.QuerySelector("#referral-surya")!.TextContent;
        Assert.Contains("We met the person on Tuesday.", section, StringComparison.Ordinal);
        Assert.Contains("Housed in a shelter.", section, StringComparison.Ordinal);
        Assert.Contains("The person is taken into support", section, StringComparison.Ordinal);
        var actions = await Factory.WithDbAsync(db => db.AuditEntries.Where(e => e.Record == report.Reference && e.Actor == partner.Id.ToString()).Select(e => e.Action).ToListAsync(Cancellation));
        Assert.Contains("referral.acknowledged", actions);
        Assert.Contains("referral.accepted", actions);
        Assert.Contains("referral.updated", actions);
        Assert.Contains("referral.closed", actions);
    }

    [Fact]
    public async Task TheCoordinatorsList_PutsOverdueReferralsFirst()
    {
        var late = await ReferralReports.SendAsync(Factory, postcode: "1000", cancellationToken: Cancellation);
        var fresh = await ReferralReports.SendAsync(Factory, postcode: "1000", cancellationToken: Cancellation);
        var lateId = await ReferByApiAsync(late.Reference, "minor-ndako", ReferralScopes.Full);
        await ReferByApiAsync(fresh.Reference, "minor-ndako", ReferralScopes.Full);
        await Factory.WithDbAsync(db => db.Referrals.Where(f => f.Id == lateId).ExecuteUpdateAsync(s => s.SetProperty(f => f.DueAt, DateTime.UtcNow.AddHours(-2)), Cancellation));
        var (_, client) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Coordinator);

        var page = await client.GetAsync("/staff/referrals?organisation=minor-ndako", Cancellation);

        var rows = page.Document.QuerySelectorAll("#referral-list tbody tr");
        Assert.Contains(late.Reference, rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("danger-row", rows[0].ClassName ?? string.Empty, StringComparison.Ordinal);
        Assert.Contains("overdue", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains(rows, r => r.TextContent.Contains(fresh.Reference, StringComparison.Ordinal) && !(r.ClassName ?? string.Empty).Contains("danger-row", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheOpenApiDocument_DescribesTheReferralEndpoints()
    {
        using var client = Factory.CreateClient();

        using var json = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), Cancellation));

        var paths = json.RootElement.GetProperty("paths");
        var refer = paths.GetProperty("/api/v1/reports/{reference}/referrals").GetProperty("post");
        Assert.Equal("ReferReport", refer.GetProperty("operationId").GetString());
        Assert.True(refer.TryGetProperty("requestBody", out _));
        foreach (var status in new[] { "201", "400", "401", "403", "404", "409" })
        {
            Assert.True(refer.GetProperty("responses").TryGetProperty(status, out _), status);
        }

        Assert.Equal("ListReferrals", paths.GetProperty("/api/v1/referrals").GetProperty("get").GetProperty("operationId").GetString());
        var acknowledge = paths.GetProperty("/api/v1/referrals/{id}/acknowledge").GetProperty("post");
        Assert.True(acknowledge.GetProperty("responses").TryGetProperty("409", out _));
    }

    private async Task<Guid> ReferByApiAsync(string reference, string organisation, string scope)
    {
        var coordinator = await StaffSessions.CreateAsync(Factory, StaffRoles.Coordinator);
        using var api = ReferralReports.Api(Factory, await StaffSessions.TokenAsync(Factory, coordinator));
        return await ReferralReports.ReferThroughApiForIdAsync(api, reference, organisation, scope, Cancellation);
    }

    /// <summary>Posts a form that the page does not show (a move the state machine refuses), with the page's antiforgery token.</summary>
    private static Task<HttpResponseMessage> PostAsync(Forms.FormClient client, Forms.HtmlPage page, string path, params (string Name, string Value)[] fields)
    {
        var token = page.Document.QuerySelector("input[name=__af]")!.GetAttribute("value")!;
        var values = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new("__af", token));
        return client.Client.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(values), CancellationToken.None);
    }

    private Task<Referral> ReferralOfAsync(string reference, string organisation) =>
        Factory.WithDbAsync(db => db.Referrals.SingleAsync(
            f => db.Reports.Any(r => r.Id == f.ReportId && r.Reference == reference) && db.Organisations.Any(o => o.Id == f.OrganisationId && o.Code == organisation),
            Cancellation));

    private Task<int> SetNoticeEmailAsync(string organisation, string email) =>
        Factory.WithDbAsync(db => db.Organisations.Where(o => o.Code == organisation).ExecuteUpdateAsync(s => s.SetProperty(o => o.NoticeEmail, email), Cancellation));
}

using System.Net;
using System.Text.Json.Nodes;
using Lantern.IntegrationTests.Infrastructure;
using Lantern.Web.Core.Access;
using Lantern.Web.Referrals;

namespace Lantern.IntegrationTests.Referrals;

public sealed class PartnerAccessMatrixTestsOnSqlite(SqliteLanternFactory factory) : PartnerAccessMatrixTests<SqliteLanternFactory>(factory);

public sealed class PartnerAccessMatrixTestsOnPostgres(PostgresLanternFactory factory) : PartnerAccessMatrixTests<PostgresLanternFactory>(factory);

/// <summary>
/// The partner's side of the access matrix: a caseworker of the organisation a report was referred to (scope
/// <c>full</c>), for each state the referral can be in, against every route that shows the report or its referral
/// (pages and API), lists included. Declined and withdrawn referrals open nothing from then on; a closed one stays
/// readable, read-only, for <c>Lantern:Referrals:ClosedAccessDays</c> (default 30) and then opens nothing; the
/// reporter thread and its files are never the partner's, whatever the state.
/// </summary>
public abstract class PartnerAccessMatrixTests<TFactory>(TFactory factory) : LanternTestBase<TFactory>(factory)
    where TFactory : LanternFactory
{
    private const string Organisation = "pag-asa";

    [Theory]
    [InlineData(ReferralStates.Sent, 0, true, HttpStatusCode.OK)]
    [InlineData(ReferralStates.Acknowledged, 0, true, HttpStatusCode.OK)]
    [InlineData(ReferralStates.Accepted, 0, true, HttpStatusCode.OK)]
    [InlineData(ReferralStates.Declined, 0, false, HttpStatusCode.NotFound)]
    [InlineData(ReferralStates.Closed, 29, true, HttpStatusCode.Conflict)]
    [InlineData(ReferralStates.Closed, 31, false, HttpStatusCode.NotFound)]
    [InlineData(ReferralStates.Withdrawn, 0, false, HttpStatusCode.NotFound)]
    public async Task APartner_ReadsTheReport_ExactlyWhileItsReferralOpensIt_AndNeverTheThread(string state, int closedDaysAgo, bool reads, HttpStatusCode update)
    {
        var shared = await SharedReports.ShareThroughPagesAndApiAsync(Factory, Organisation, Cancellation);
        await SharedReports.SetStateAsync(Factory, shared.ReferralId, state, closedDaysAgo);
        var (partner, client) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.PartnerCaseworker, Organisation);
        using var api = ReferralReports.Api(Factory, await StaffSessions.TokenAsync(Factory, partner));
        var expected = reads ? HttpStatusCode.OK : HttpStatusCode.NotFound;
        var reference = shared.Reference;
        var wrong = new List<string>();
        void Expect(string what, object actual, object wanted)
        {
            if (!Equals(actual, wanted))
            {
                wrong.Add($"{state} (closed {closedDaysAgo} days ago) {what}: {actual}, expected {wanted}");
            }
        }

        async Task<HttpStatusCode> ApiAsync(string path)
        {
            using var response = await api.GetAsync(new Uri(path, UriKind.Relative), Cancellation);
            return response.StatusCode;
        }

        Expect("GET /staff/reports/{reference}", (await client.GetAsync("/staff/reports/" + reference, Cancellation)).Status, expected);
        Expect("GET /staff/referrals/{id}", (await client.GetAsync("/staff/referrals/" + shared.ReferralId, Cancellation)).Status, expected);
        Expect("GET /staff/reports/{reference}/files/{id}", (await client.Client.GetAsync(new Uri($"/staff/reports/{reference}/files/{shared.ReportFileId}", UriKind.Relative), Cancellation)).StatusCode, expected);
        Expect("GET /api/v1/reports/{reference}", await ApiAsync("/api/v1/reports/" + reference), expected);
        Expect("GET /api/v1/reports/{reference}/files", await ApiAsync($"/api/v1/reports/{reference}/files"), expected);
        Expect("GET /api/v1/reports/{reference}/files/{id}", await ApiAsync($"/api/v1/reports/{reference}/files/{shared.ReportFileId}"), expected);
        Expect("/staff/referrals lists it", (await client.GetAsync("/staff/referrals", Cancellation)).Html.Contains(reference, StringComparison.Ordinal), reads);
        Expect("/staff/inbox lists it", (await client.GetAsync("/staff/inbox?status=all", Cancellation)).Document.QuerySelector($"tr[data-reference='{reference}']") is not null, reads);
        var referrals = await ReferralReports.GetJsonAsync(api, "/api/v1/referrals", Cancellation);
        Expect("GET /api/v1/referrals lists it", referrals.AsArray().Any(r => r!["id"]!.GetValue<string>() == shared.ReferralId.ToString()), reads);
        var inbox = await ReferralReports.GetJsonAsync(api, "/api/v1/reports?status=all", Cancellation);
        Expect("GET /api/v1/reports lists it", inbox["items"]!.AsArray().Any(r => r!["reference"]!.GetValue<string>() == reference), reads);

        // The thread with the reporter and its files, both ways: never the partner's.
        Expect("GET /api/v1/reports/{reference}/messages", await ApiAsync($"/api/v1/reports/{reference}/messages"), HttpStatusCode.NotFound);
        foreach (var (who, file) in new[] { ("reporter's", shared.ReporterThreadFileId), ("team's", shared.TeamThreadFileId) })
        {
            Expect($"GET the {who} thread file (API)", await ApiAsync($"/api/v1/reports/{reference}/files/{file}"), HttpStatusCode.NotFound);
            Expect($"GET the {who} thread file (page)", (await client.Client.GetAsync(new Uri($"/staff/reports/{reference}/files/{file}", UriKind.Relative), Cancellation)).StatusCode, HttpStatusCode.NotFound);
        }

        // Writing: an update while the referral is open, refused (read-only) once closed, not found once access ended.
        var anyPage = await client.GetAsync("/staff/referrals", Cancellation);
        using var updated = await SharedReports.PostAsync(client, anyPage, $"/staff/referrals/{shared.ReferralId}?handler=Update", ("Text", "We called the person."));
        Expect("POST an update", updated.StatusCode, update);
        using var acknowledge = await api.PostAsync(new Uri($"/api/v1/referrals/{shared.ReferralId}/acknowledge", UriKind.Relative), null, Cancellation);
        Expect("POST /api/v1/referrals/{id}/acknowledge", acknowledge.StatusCode, state == ReferralStates.Sent ? HttpStatusCode.OK : reads ? HttpStatusCode.Conflict : HttpStatusCode.NotFound);

        Assert.Empty(wrong);
    }

    [Fact]
    public async Task AClosedReferral_TellsThePartnerUntilWhenItStaysReadable_AndOffersNoAnswer()
    {
        var shared = await SharedReports.ShareThroughPagesAndApiAsync(Factory, Organisation, Cancellation);
        await SharedReports.SetStateAsync(Factory, shared.ReferralId, ReferralStates.Closed, closedDaysAgo: 1);
        var (_, client) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.PartnerCaseworker, Organisation);

        var page = await client.GetAsync("/staff/referrals/" + shared.ReferralId, Cancellation);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var notice = page.Document.QuerySelector("#read-only-until")!.TextContent;
        Assert.Contains("until", notice, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("#answer-heading"));
        Assert.Null(page.Document.QuerySelector("#update-form"));
    }

    [Fact]
    public async Task APartnerThatDeclines_LosesTheReportAtOnce_AndLandsOnItsReferralsWithTheConfirmation()
    {
        var shared = await SharedReports.ShareThroughPagesAndApiAsync(Factory, Organisation, Cancellation);
        var (_, client) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.PartnerCaseworker, Organisation);
        var page = await client.GetAsync("/staff/referrals/" + shared.ReferralId, Cancellation);

        var declined = await page.Form("#decline-form").Set("reason", "Outside our mandate.").SubmitAsync(Cancellation);

        Assert.Equal(HttpStatusCode.OK, declined.Status);
        Assert.Equal("/staff/referrals", declined.Url.AbsolutePath);
        Assert.NotNull(declined.Document.QuerySelector("#referral-done"));
        Assert.DoesNotContain(shared.Reference, declined.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/staff/referrals/" + shared.ReferralId, Cancellation)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/staff/reports/" + shared.Reference, Cancellation)).Status);

        // The contact point still sees the referral, declined, with the reason.
        var (_, central) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Coordinator);
        var referral = await central.GetAsync("/staff/referrals/" + shared.ReferralId, Cancellation);
        Assert.Equal(HttpStatusCode.OK, referral.Status);
        Assert.Contains("Outside our mandate.", referral.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APartner_SeesNeitherTheThreadsFiles_NorWhichMemberOfTheContactPointAddedAFile()
    {
        var shared = await SharedReports.ShareThroughPagesAndApiAsync(Factory, Organisation, Cancellation);
        var (partner, client) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.PartnerCaseworker, Organisation);
        using var api = ReferralReports.Api(Factory, await StaffSessions.TokenAsync(Factory, partner));

        var files = (await ReferralReports.GetJsonAsync(api, $"/api/v1/reports/{shared.Reference}/files", Cancellation)).AsArray();
        var page = await client.GetAsync("/staff/reports/" + shared.Reference, Cancellation);
        var detail = await ReferralReports.GetJsonAsync(api, "/api/v1/reports/" + shared.Reference, Cancellation);

        var file = Assert.Single(files)!;
        Assert.Equal(shared.ReportFileId.ToString(), file["id"]!.GetValue<string>());
        Assert.Null(file["addedBy"]);
        Assert.True(file["byContactPoint"]!.GetValue<bool>());
        Assert.False(file["fromReporter"]!.GetValue<bool>());
        var section = page.Document.QuerySelector("#files")!;
        Assert.Contains("the contact point", section.TextContent, StringComparison.Ordinal);
        Assert.Single(section.QuerySelectorAll("tbody tr"));
        foreach (var secret in new[] { shared.AnalystEmail, "room.jpg", "map.jpg", shared.TeamMessage, shared.ReporterMessage })
        {
            Assert.DoesNotContain(secret, page.Html, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, files.ToJsonString(), StringComparison.Ordinal);
            Assert.DoesNotContain(secret, detail.ToJsonString(), StringComparison.Ordinal);
        }

        // The central team: every file, and who added each.
        var coordinator = await StaffSessions.CreateAsync(Factory, StaffRoles.Coordinator);
        using var central = ReferralReports.Api(Factory, await StaffSessions.TokenAsync(Factory, coordinator));
        var all = (await ReferralReports.GetJsonAsync(central, $"/api/v1/reports/{shared.Reference}/files", Cancellation)).AsArray();
        Assert.Equal(3, all.Count);
        Assert.Equal(2, all.Count(f => f!["addedBy"]?.GetValue<string>() == shared.AnalystEmail));
    }

    [Fact]
    public async Task APartnersInbox_HidesTheAssignee_AndRefusesTheCentralTeamsFilters()
    {
        var shared = await SharedReports.ShareThroughPagesAndApiAsync(Factory, Organisation, Cancellation);
        var (coordinator, central) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Coordinator);
        var report = await central.GetAsync("/staff/reports/" + shared.Reference, Cancellation);
        await report.Form("form[action*=AssignMe]").SubmitAsync(Cancellation);
        var (partner, client) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.PartnerCaseworker, Organisation);
        using var api = ReferralReports.Api(Factory, await StaffSessions.TokenAsync(Factory, partner));

        var inbox = await ReferralReports.GetJsonAsync(api, "/api/v1/reports?status=all", Cancellation);
        var page = await client.GetAsync("/staff/inbox?status=all", Cancellation);
        using var unread = await api.GetAsync(new Uri("/api/v1/reports?unread=yes", UriKind.Relative), Cancellation);
        using var assigned = await api.GetAsync(new Uri("/api/v1/reports?assigned=none", UriKind.Relative), Cancellation);
        var unreadPage = await client.GetAsync("/staff/inbox?unread=yes", Cancellation);

        var row = inbox["items"]!.AsArray().Single(r => r!["reference"]!.GetValue<string>() == shared.Reference)!;
        Assert.Null(row["assignedTo"]);
        Assert.False(row["unreadFromReporter"]!.GetValue<bool>());
        Assert.NotNull(page.Document.QuerySelector($"tr[data-reference='{shared.Reference}']"));
        Assert.DoesNotContain(coordinator.Email, page.Html, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("#filter-assigned"));
        Assert.Null(page.Document.QuerySelector("#filter-unread"));
        Assert.Equal(HttpStatusCode.BadRequest, unread.StatusCode);
        Assert.Equal("application/problem+json", unread.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(JsonNode.Parse(await unread.Content.ReadAsStringAsync(Cancellation))!["errors"]!["unread"]);
        Assert.Equal(HttpStatusCode.BadRequest, assigned.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unreadPage.Status);
        Assert.Contains("not one of the choices", unreadPage.Document.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Null(unreadPage.Document.QuerySelector("a[href='#filter-unread']"));

        // The central team keeps both.
        var centralInbox = await ReferralReports.GetJsonAsync(ReferralReports.Api(Factory, await StaffSessions.TokenAsync(Factory, coordinator)), "/api/v1/reports?status=all&assigned=me", Cancellation);
        Assert.Equal(coordinator.Email, centralInbox["items"]!.AsArray().Single(r => r!["reference"]!.GetValue<string>() == shared.Reference)!["assignedTo"]!.GetValue<string>());
    }
}

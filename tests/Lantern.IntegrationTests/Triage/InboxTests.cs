using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Lantern.IntegrationTests.Forms;
using Lantern.IntegrationTests.Infrastructure;
using Lantern.Web.Core.Access;
using Lantern.Web.Core.Reports;
using Lantern.Web.Platform.Localisation;
using Lantern.Web.Triage.Inbox;

namespace Lantern.IntegrationTests.Triage;

public sealed class InboxTestsOnSqlite(SqliteLanternFactory factory) : InboxTests<SqliteLanternFactory>(factory);

public sealed class InboxTestsOnPostgres(PostgresLanternFactory factory) : InboxTests<PostgresLanternFactory>(factory);

/// <summary>The inbox, as a page without JavaScript and as <c>GET /api/v1/reports</c>: order, filters, paging, deadlines, scope.</summary>
public abstract class InboxTests<TFactory>(TFactory factory) : LanternTestBase<TFactory>(factory)
    where TFactory : LanternFactory
{
    private const string Endpoint = "/api/v1/reports";

    private static readonly TextCatalogue _texts = new();

    [Fact]
    public async Task Reports_ComeMostUrgentFirst_ThenOldestFirst()
    {
        var region = await InboxReports.NewRegionAsync(Factory);
        var now = InboxReports.Now();
        var lowOld = InboxReports.Report(region, now.AddDays(-9), level: 0);
        var topNew = InboxReports.Report(region, now.AddMinutes(-5), level: 5, danger: true);
        var midNew = InboxReports.Report(region, now.AddHours(-1), level: 3);
        var topOld = InboxReports.Report(region, now.AddDays(-2), level: 5, danger: true);
        var midOld = InboxReports.Report(region, now.AddDays(-3), level: 3);
        var minor = InboxReports.Report(region, now.AddDays(-1), level: 4);
        await InboxReports.AddAsync(Factory, lowOld, topNew, midNew, topOld, midOld, minor);

        var page = await ListAsync(await AnalystAsync(), $"region={region}");

        Assert.Equal(
            [topOld.Reference, topNew.Reference, minor.Reference, midOld.Reference, midNew.Reference, lowOld.Reference],
            page.References);
        Assert.Null(page.Next);
    }

    [Fact]
    public async Task TheUrgency_IsExplainedByItsReasons()
    {
        var region = await InboxReports.NewRegionAsync(Factory);
        var report = InboxReports.Report(region, InboxReports.Now(), level: 4, reasons: "minor,several-signs");
        await InboxReports.AddAsync(Factory, report);
        var (_, client) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Analyst);

        var item = (await ListAsync(await AnalystAsync(), $"region={region}")).Items.Single();
        var page = await client.GetAsync($"/staff/inbox?region={region}", Cancellation);

        Assert.Equal(4, item.GetProperty("urgencyLevel").GetInt32());
        Assert.Equal(["minor", "several-signs"], item.GetProperty("urgencyReasons").EnumerateArray().Select(r => r.GetString()));
        var reasons = page.Document.QuerySelectorAll($"tr[data-reference='{report.Reference}'] ul.reasons li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal([_texts.Get("en", "staff.inbox.reason.minor"), _texts.Get("en", "staff.inbox.reason.several-signs")], reasons);
    }

    [Fact]
    public async Task TheStatusFilter_ShowsOpenReportsByDefault_AndClosedOrAllOnRequest()
    {
        var region = await InboxReports.NewRegionAsync(Factory);
        var now = InboxReports.Now();
        var fresh = InboxReports.Report(region, now.AddHours(-3));
        var referred = InboxReports.Report(region, now.AddHours(-2), status: ReportStatus.Referred);
        var closed = InboxReports.Report(region, now.AddHours(-1), status: ReportStatus.Closed);
        await InboxReports.AddAsync(Factory, fresh, referred, closed);
        var api = await AnalystAsync();

        Assert.Equal([fresh.Reference, referred.Reference], (await ListAsync(api, $"region={region}")).References);
        Assert.Equal([closed.Reference], (await ListAsync(api, $"region={region}&status=closed")).References);
        Assert.Equal([fresh.Reference, referred.Reference, closed.Reference], (await ListAsync(api, $"region={region}&status=all")).References);
        Assert.Equal([referred.Reference], (await ListAsync(api, $"region={region}&status=referred")).References);
    }

    [Fact]
    public async Task TheFormLanguageChannelAndRegionFilters_KeepOnlyMatchingReports()
    {
        var region = await InboxReports.NewRegionAsync(Factory);
        var elsewhere = await InboxReports.NewRegionAsync(Factory);
        var now = InboxReports.Now();
        var labourFr = InboxReports.Report(region, now.AddHours(-4), forms: ["labour", "sexual"], language: "fr");
        var sexualPhone = InboxReports.Report(region, now.AddHours(-3), forms: ["sexual"], channel: ReportCodes.Channels.Phone);
        var begging = InboxReports.Report(region, now.AddHours(-2), forms: ["begging"], language: "nl", channel: ReportCodes.Channels.Api);
        var otherRegion = InboxReports.Report(elsewhere, now.AddHours(-1), forms: ["labour"], language: "fr");
        await InboxReports.AddAsync(Factory, labourFr, sexualPhone, begging, otherRegion);
        var api = await AnalystAsync();

        Assert.Equal([labourFr.Reference], (await ListAsync(api, $"region={region}&form=labour")).References);
        Assert.Equal([labourFr.Reference, sexualPhone.Reference], (await ListAsync(api, $"region={region}&form=sexual")).References);
        Assert.Equal([labourFr.Reference], (await ListAsync(api, $"region={region}&language=fr")).References);
        Assert.Equal([sexualPhone.Reference], (await ListAsync(api, $"region={region}&channel=phone")).References);
        Assert.Equal([begging.Reference], (await ListAsync(api, $"region={region}&channel=api&language=nl&form=begging")).References);
        Assert.Equal([otherRegion.Reference], (await ListAsync(api, $"region={elsewhere}")).References);
        Assert.Empty((await ListAsync(api, $"region={region}&form=organs")).References);
    }

    [Fact]
    public async Task TheAssignmentFilter_ShowsMyReportsOrTheUnassignedOnes()
    {
        var region = await InboxReports.NewRegionAsync(Factory);
        var me = await StaffSessions.CreateAsync(Factory, StaffRoles.Analyst);
        var colleague = await StaffSessions.CreateAsync(Factory, StaffRoles.Analyst);
        var now = InboxReports.Now();
        var mine = InboxReports.Report(region, now.AddHours(-3), assignedTo: me.Id);
        var theirs = InboxReports.Report(region, now.AddHours(-2), assignedTo: colleague.Id);
        var nobodys = InboxReports.Report(region, now.AddHours(-1));
        await InboxReports.AddAsync(Factory, mine, theirs, nobodys);
        var api = await ApiClientAsync(me);

        var assignedToMe = await ListAsync(api, $"region={region}&assigned=me");
        Assert.Equal([mine.Reference], assignedToMe.References);
        Assert.Equal(me.Email, assignedToMe.Items.Single().GetProperty("assignedTo").GetString());
        Assert.Equal([nobodys.Reference], (await ListAsync(api, $"region={region}&assigned=none")).References);
        var everyone = await ListAsync(api, $"region={region}");
        Assert.Equal([mine.Reference, theirs.Reference, nobodys.Reference], everyone.References);
        Assert.Equal(colleague.Email, everyone.Items[1].GetProperty("assignedTo").GetString());
    }

    [Theory]
    [InlineData(50, "")]
    [InlineData(7, "")]
    [InlineData(7, "all")]
    public async Task Paging_Through120Reports_NeitherRepeatsNorSkipsOne(int limit, string status)
    {
        var region = await InboxReports.NewRegionAsync(Factory);
        var start = InboxReports.Now().AddDays(-30);

        // Levels and times spread out, every status, and groups of three received in the same second: the id breaks those ties.
        string[] statuses = [ReportStatus.New, ReportStatus.InTriage, ReportStatus.InProgress, ReportStatus.Referred, ReportStatus.Closed];
        var reports = Enumerable.Range(0, 120)
            .Select(i => InboxReports.Report(region, start.AddMinutes(i / 3 * 7), level: (i * 7) % 6, status: statuses[i % 5]))
            .ToList();
        await InboxReports.AddAsync(Factory, [.. reports]);
        var expected = reports
            .Where(r => status == "all" || r.Status != ReportStatus.Closed)
            .OrderByDescending(r => r.UrgencyLevel)
            .ThenBy(r => r.ReceivedAt)
            .ThenBy(r => r.Id.ToString(), StringComparer.Ordinal)
            .Select(r => r.Reference)
            .ToList();
        var api = await AnalystAsync();

        var seen = new List<string>();
        var pages = 0;
        string? cursor = null;
        do
        {
            var page = await ListAsync(api, $"region={region}&status={status}&limit={limit}" + (cursor is null ? string.Empty : "&cursor=" + cursor));
            Assert.True(page.References.Count == limit || page.Next is null, "Only the last page may be short.");
            seen.AddRange(page.References);
            cursor = page.Next;
            pages++;
        }
        while (cursor is not null && pages < 100);

        Assert.Equal(expected, seen);
        Assert.Equal((expected.Count + limit - 1) / limit, pages);
    }

    [Fact]
    public async Task ThePage_PagesWithNextAndFirstLinks_WithoutJavaScript()
    {
        var region = await InboxReports.NewRegionAsync(Factory);
        var start = InboxReports.Now().AddDays(-1);
        var reports = Enumerable.Range(0, 60).Select(i => InboxReports.Report(region, start.AddMinutes(i), level: i % 2)).ToList();
        await InboxReports.AddAsync(Factory, [.. reports]);
        var (_, client) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Analyst);

        var inbox = await client.GetAsync("/staff/inbox", Cancellation);
        var first = await inbox.Form("form.filters").Set("region", region).SubmitAsync(Cancellation);
        var firstRows = References(first);
        Assert.Equal(50, firstRows.Count);
        Assert.Null(first.Document.QuerySelector(".pager a[rel=first]"));
        var second = await client.GetAsync(first.Document.QuerySelector(".pager a[rel=next]")!.GetAttribute("href")!, Cancellation);
        var secondRows = References(second);

        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Equal(10, secondRows.Count);
        Assert.Null(second.Document.QuerySelector(".pager a[rel=next]"));
        Assert.Equal(60, firstRows.Concat(secondRows).Distinct().Count());
        var back = await client.GetAsync(second.Document.QuerySelector(".pager a[rel=first]")!.GetAttribute("href")!, Cancellation);
        Assert.Equal(firstRows, References(back));
    }

    [Fact]
    public async Task TheAcknowledgementDeadline_IsShorterForDanger_AndOverdueOnlyWhenNotAcknowledged()
    {
        var region = await InboxReports.NewRegionAsync(Factory);
        var now = InboxReports.Now();
        var dangerLate = InboxReports.Report(region, now.AddHours(-2), level: 5, danger: true);
        var dangerFresh = InboxReports.Report(region, now.AddMinutes(-20), level: 5, danger: true);
        var plainLate = InboxReports.Report(region, now.AddHours(-80));
        var plainFresh = InboxReports.Report(region, now.AddHours(-70));
        var acknowledged = InboxReports.Report(region, now.AddHours(-90), acknowledgedAt: now.AddHours(-89));
        await InboxReports.AddAsync(Factory, dangerLate, dangerFresh, plainLate, plainFresh, acknowledged);
        var (_, client) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Coordinator);

        var items = (await ListAsync(await AnalystAsync(), $"region={region}")).Items.ToDictionary(i => i.GetProperty("reference").GetString()!);
        var page = await client.GetAsync($"/staff/inbox?region={region}", Cancellation);

        Assert.True(items[dangerLate.Reference].GetProperty("overdue").GetBoolean());
        Assert.Equal(dangerLate.ReceivedAt.AddHours(1), items[dangerLate.Reference].GetProperty("acknowledgeBy").GetDateTime().ToUniversalTime());
        Assert.False(items[dangerFresh.Reference].GetProperty("overdue").GetBoolean());
        Assert.True(items[plainLate.Reference].GetProperty("overdue").GetBoolean());
        Assert.Equal(plainLate.ReceivedAt.AddHours(72), items[plainLate.Reference].GetProperty("acknowledgeBy").GetDateTime().ToUniversalTime());
        Assert.False(items[plainFresh.Reference].GetProperty("overdue").GetBoolean());
        Assert.False(items[acknowledged.Reference].GetProperty("overdue").GetBoolean());
        string[] overdueInPage = [.. page.Document.QuerySelectorAll("tr:has(.badge.overdue)").Select(tr => tr.GetAttribute("data-reference")!)];
        Assert.Equal([dangerLate.Reference, plainLate.Reference], overdueInPage);
    }

    [Fact]
    public async Task ImmediateDanger_StandsOut_WithABadgeAndARowClass()
    {
        var region = await InboxReports.NewRegionAsync(Factory);
        var now = InboxReports.Now();
        var danger = InboxReports.Report(region, now.AddMinutes(-10), level: 5, danger: true, reasons: "immediate-danger");
        var calm = InboxReports.Report(region, now.AddHours(-3));
        await InboxReports.AddAsync(Factory, danger, calm);
        var (_, client) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Analyst);

        var page = await client.GetAsync($"/staff/inbox?region={region}", Cancellation);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var dangerRow = page.Document.QuerySelector($"tr[data-reference='{danger.Reference}']")!;
        Assert.Contains("danger-row", dangerRow.ClassList);
        Assert.Equal(_texts.Get("en", "staff.inbox.danger"), dangerRow.QuerySelector(".badge.danger")!.TextContent.Trim());
        Assert.Equal($"/staff/reports/{danger.Reference}", dangerRow.QuerySelector("a")!.GetAttribute("href"));
        var calmRow = page.Document.QuerySelector($"tr[data-reference='{calm.Reference}']")!;
        Assert.DoesNotContain("danger-row", calmRow.ClassList);
        Assert.Null(calmRow.QuerySelector(".badge.danger"));
        Assert.Equal("3 h", calmRow.QuerySelectorAll("td")[2].QuerySelector("strong")!.TextContent.Trim());
    }

    [Fact]
    public async Task ThePage_IsATableWithACaptionAndColumnHeaders_InTheMembersLanguage()
    {
        var region = await InboxReports.NewRegionAsync(Factory);
        await InboxReports.AddAsync(Factory, InboxReports.Report(region, InboxReports.Now().AddDays(-3)));
        var (_, client) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Analyst);
        client.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");

        var page = await client.GetAsync($"/staff/inbox?region={region}", Cancellation);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(_texts.Get("fr", "staff.inbox.caption"), page.Document.QuerySelector("table.inbox caption")!.TextContent.Trim());
        Assert.All(page.Document.QuerySelectorAll("table.inbox thead th"), th => Assert.Equal("col", th.GetAttribute("scope")));
        Assert.Equal("3 j", page.Document.QuerySelector("table.inbox tbody td:nth-child(3) strong")!.TextContent.Trim());
        Assert.Null(page.Document.QuerySelector("script:not([src])"));
    }

    [Fact]
    public async Task APartnerCaseworker_SeesOnlyTheReportsReferredToTheirOrganisation()
    {
        var region = await InboxReports.NewRegionAsync(Factory);
        var now = InboxReports.Now();
        var referredHere = InboxReports.Report(region, now.AddHours(-3));
        var referredElsewhere = InboxReports.Report(region, now.AddHours(-2));
        var notReferred = InboxReports.Report(region, now.AddHours(-1), level: 5, danger: true);
        await InboxReports.AddAsync(Factory, referredHere, referredElsewhere, notReferred);
        await InboxReports.PlantReferralRowAsync(Factory, referredHere, "payoke");
        await InboxReports.PlantReferralRowAsync(Factory, referredElsewhere, "pag-asa");
        var (partner, client) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.PartnerCaseworker, "payoke");

        var api = await ListAsync(await ApiClientAsync(partner), $"region={region}&status=all");
        var page = await client.GetAsync("/staff/inbox?status=all", Cancellation);

        Assert.Equal([referredHere.Reference], api.References);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal([referredHere.Reference], References(page));
        Assert.Equal(3, (await ListAsync(await AnalystAsync(), $"region={region}")).References.Count);
    }

    [Fact]
    public async Task AnOperator_IsRefused_OnThePageAndTheApi()
    {
        var (operatorAccount, client) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Operator);

        var page = await client.GetAsync("/staff/inbox", Cancellation);
        using var api = await ApiClientAsync(operatorAccount);
        using var response = await api.GetAsync(new Uri(Endpoint, UriKind.Relative), Cancellation);

        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.Null(page.Document.QuerySelector("table.inbox"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task TheApi_WithoutOrWithAnInvalidToken_Answers401()
    {
        using var anonymous = Factory.CreateClient();
        using var forged = Factory.CreateClient();
        forged.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "lnt_" + new string('A', 43));
        var (_, signedIn) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Analyst);

        using var none = await anonymous.GetAsync(new Uri(Endpoint, UriKind.Relative), Cancellation);
        using var wrong = await forged.GetAsync(new Uri(Endpoint, UriKind.Relative), Cancellation);
        using var cookieOnly = await signedIn.Client.GetAsync(new Uri(Endpoint, UriKind.Relative), Cancellation);

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal("application/problem+json", none.Content.Headers.ContentType?.MediaType);
        Assert.Equal(_texts.Get("en", "api.status.401"), JsonDocument.Parse(await none.Content.ReadAsStringAsync(Cancellation)).RootElement.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);

        // The API takes tokens only: a session cookie would let another site's page call it.
        Assert.Equal(HttpStatusCode.Unauthorized, cookieOnly.StatusCode);
    }

    [Theory]
    [InlineData("status=archived", "status", "staff.inbox.error.choice")]
    [InlineData("form=trafficking", "form", "staff.inbox.error.choice")]
    [InlineData("region=XX-NOPE", "region", "staff.inbox.error.choice")]
    [InlineData("language=xx", "language", "staff.inbox.error.choice")]
    [InlineData("channel=fax", "channel", "staff.inbox.error.choice")]
    [InlineData("assigned=him", "assigned", "staff.inbox.error.choice")]
    [InlineData("limit=0", "limit", "staff.inbox.error.limit")]
    [InlineData("limit=201", "limit", "staff.inbox.error.limit")]
    [InlineData("limit=ten", "limit", "staff.inbox.error.limit")]
    [InlineData("cursor=not-a-cursor", "cursor", "staff.inbox.error.cursor")]
    [InlineData("cursor=OXwxfDE", "cursor", "staff.inbox.error.cursor")]
    public async Task BadParameters_Answer400_WithALocalisedProblemNamingTheParameter(string query, string field, string key)
    {
        var api = await AnalystAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, Endpoint + "?" + query);
        request.Headers.AcceptLanguage.ParseAdd("nl");

        using var response = await api.SendAsync(request, Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancellation)).RootElement;
        Assert.Equal(_texts.Get("nl", "staff.inbox.error.title"), problem.GetProperty("title").GetString());
        Assert.Equal(_texts.Get("nl", key, InboxQuery.MaxLimit), problem.GetProperty("errors").GetProperty(field)[0].GetString());
    }

    [Fact]
    public async Task ATamperedCursor_OnThePage_IsA400WithAWayBack()
    {
        var (_, client) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Analyst);

        var page = await client.GetAsync("/staff/inbox?cursor=%25%25garbage", Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains(_texts.Get("en", "staff.inbox.error.cursor"), page.Document.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector(".error-summary a[href='/staff/inbox']"));
    }

    [Fact]
    public async Task ABadFilter_OnThePage_IsA400WithTheErrorNextToItsField()
    {
        var (_, client) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Analyst);

        var page = await client.GetAsync("/staff/inbox?channel=fax", Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal(_texts.Get("en", "staff.inbox.error.choice"), page.Document.QuerySelector("#channel-error")!.TextContent.Trim());
        Assert.Equal("channel-error", page.Document.QuerySelector("#filter-channel")!.GetAttribute("aria-describedby"));
        Assert.NotNull(page.Document.QuerySelector(".error-summary a[href='#filter-channel']"));
        Assert.Null(page.Document.QuerySelector("#filter-status")!.GetAttribute("aria-describedby"));
    }

    [Fact]
    public async Task TheApi_IsDescribedInOpenApi()
    {
        using var client = Factory.CreateClient();

        var document = JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), Cancellation)).RootElement;

        var list = document.GetProperty("paths").GetProperty(Endpoint).GetProperty("get");
        Assert.False(string.IsNullOrWhiteSpace(list.GetProperty("summary").GetString()));
        var parameters = list.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Equal(["status", "form", "region", "language", "channel", "assigned", "unread", "cursor", "limit"], parameters);
        Assert.True(list.GetProperty("responses").TryGetProperty("401", out _));
    }

    private async Task<HttpClient> AnalystAsync() => await ApiClientAsync(await StaffSessions.CreateAsync(Factory, StaffRoles.Analyst));

    private async Task<HttpClient> ApiClientAsync(StaffCredentials credentials)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await StaffSessions.TokenAsync(Factory, credentials));
        return client;
    }

    private static async Task<ApiPage> ListAsync(HttpClient api, string query)
    {
        using var response = await api.GetAsync(new Uri(Endpoint + "?" + query, UriKind.Relative), Cancellation);
        var body = await response.Content.ReadAsStringAsync(Cancellation);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {Endpoint}?{query} answered {(int)response.StatusCode}: {body}");
        var root = JsonDocument.Parse(body).RootElement;
        var items = root.GetProperty("items").EnumerateArray().Select(i => i.Clone()).ToList();
        return new ApiPage(items, [.. items.Select(i => i.GetProperty("reference").GetString()!)], root.GetProperty("next").GetString());
    }

    private static List<string> References(HtmlPage page) =>
        [.. page.Document.QuerySelectorAll("table.inbox tbody tr").Select(tr => tr.GetAttribute("data-reference")!)];

    private sealed record ApiPage(List<JsonElement> Items, List<string> References, string? Next);
}

using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Lantern.IntegrationTests.Infrastructure;
using Lantern.IntegrationTests.Triage;
using Lantern.Web.Core.Access;
using Lantern.Web.Detection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.IntegrationTests.Detection;

public sealed class DetectionLinksTestsOnSqlite(SqliteLanternFactory factory) : DetectionLinksTests<SqliteLanternFactory>(factory);

public sealed class DetectionLinksTestsOnPostgres(PostgresLanternFactory factory) : DetectionLinksTests<PostgresLanternFactory>(factory);

/// <summary>Reports that share a detail are linked: the API, the report page, grouping, "does not link", hotspots and re-indexing.</summary>
public abstract class DetectionLinksTests<TFactory>(TFactory factory) : LanternTestBase<TFactory>(factory)
    where TFactory : LanternFactory
{
    [Fact]
    public async Task TwoReportsWritingTheSamePhoneDifferently_AreLinked_AndTheApiShowsTheValue()
    {
        var written = DetectedReports.UniquePhone(out var e164);
        var first = await DetectedReports.SendAsync(Factory, $"The boss answers on {written}, every day at 6:30.", Cancellation);
        var second = await DetectedReports.SendAsync(Factory, $"Call {e164[..3]} {e164[3..6]} {e164[6..]} for work; 1.250 € a month.", Cancellation);
        var other = await DetectedReports.SendAsync(Factory, "Nothing to link here, seen on 12.03.2025.", Cancellation);
        var analyst = await StaffSessions.CreateAsync(Factory, StaffRoles.Analyst);
        var token = await StaffSessions.TokenAsync(Factory, analyst);

        using var links = await GetJsonAsync(token, $"/api/v1/reports/{first}/links");
        using var detail = await GetJsonAsync(token, $"/api/v1/reports/{second}");

        var linked = Assert.Single(links.RootElement.GetProperty("links").EnumerateArray());
        Assert.Equal(second, linked.GetProperty("reference").GetString());
        var shared = Assert.Single(linked.GetProperty("shared").EnumerateArray());
        Assert.Equal("phone", shared.GetProperty("kind").GetString());
        Assert.Equal(e164, shared.GetProperty("value").GetString());
        var entities = detail.RootElement.GetProperty("entities").EnumerateArray().Select(e => (e.GetProperty("kind").GetString(), e.GetProperty("value").GetString())).ToList();
        Assert.Equal([("phone", e164)], entities);
        Assert.DoesNotContain(other, links.RootElement.ToString(), StringComparison.Ordinal);
        var reads = await Factory.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.Record == first && e.Action == "report.read" && e.Actor == analyst.Id.ToString()).Select(e => e.Detail).ToListAsync(Cancellation));
        Assert.Contains(reads, d => d.Contains("via=links", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheIndex_HoldsNoPlaintextValue()
    {
        var written = DetectedReports.UniquePhone(out var e164);
        var reference = await DetectedReports.SendAsync(Factory, $"Recruiter: t.me/plain_{e164[^6..]} and {written}.", Cancellation);

        var rows = await Factory.WithDbAsync(async db =>
        {
            var id = await db.Reports.Where(r => r.Reference == reference).Select(r => r.Id).SingleAsync(Cancellation);
            return await db.EntityIndex.AsNoTracking().Where(e => e.ReportId == id).ToListAsync(Cancellation);
        });

        Assert.Equal(["handle", "phone"], rows.Select(r => r.Kind).Order(StringComparer.Ordinal));
        Assert.All(rows, r => Assert.Equal(16, r.Hash.Length));
        var stored = await Factory.ReadStoredDataAsync();
        Assert.DoesNotContain(stored, s => System.Text.Encoding.UTF8.GetString(s.Bytes).Contains(e164, StringComparison.Ordinal));
        Assert.DoesNotContain(stored, s => System.Text.Encoding.UTF8.GetString(s.Bytes).Contains("plain_" + e164[^6..], StringComparison.Ordinal));
    }

    [Fact]
    public async Task APartner_SeesOnlyLinkedReportsReferredToThem()
    {
        var written = DetectedReports.UniquePhone(out _);
        var first = await DetectedReports.SendAsync(Factory, $"Number {written}.", Cancellation);
        var second = await DetectedReports.SendAsync(Factory, $"Same boss, {written}.", Cancellation);
        var partner = await StaffSessions.CreateAsync(Factory, StaffRoles.PartnerCaseworker, "payoke");
        var token = await StaffSessions.TokenAsync(Factory, partner);
        await SubmittedReports.PlantReferralRowAsync(Factory, first, "payoke", "full");

        using (var before = await GetJsonAsync(token, $"/api/v1/reports/{first}/links"))
        {
            Assert.Empty(before.RootElement.GetProperty("links").EnumerateArray());
        }

        using (var hidden = await GetAsync(token, $"/api/v1/reports/{second}/links"))
        {
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        }

        await SubmittedReports.PlantReferralRowAsync(Factory, second, "payoke", "full");
        using var after = await GetJsonAsync(token, $"/api/v1/reports/{first}/links");
        Assert.Equal(second, Assert.Single(after.RootElement.GetProperty("links").EnumerateArray()).GetProperty("reference").GetString());
    }

    [Fact]
    public async Task TheReportPage_ListsLinkedReports_AndGroupsThemIntoACaseInOneStep()
    {
        var written = DetectedReports.UniquePhone(out _);
        var first = await DetectedReports.SendAsync(Factory, $"Van driver on {written}.", Cancellation);
        var second = await DetectedReports.SendAsync(Factory, $"Driver {written} again.", Cancellation);
        var third = await DetectedReports.SendAsync(Factory, $"And again {written}.", Cancellation);
        var (_, client) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Analyst);

        var page = await client.GetAsync("/staff/reports/" + first, Cancellation);
        Assert.Contains(second, page.Document.QuerySelector("#links")!.TextContent, StringComparison.Ordinal);
        var grouped = await page.Form("#links-group-form").SubmitAsync(Cancellation);

        Assert.Equal(HttpStatusCode.OK, grouped.Status);
        Assert.Contains("links=grouped", grouped.Url.Query, StringComparison.Ordinal);
        var cases = await Factory.WithDbAsync(db => db.Reports.Where(r => r.Reference == first || r.Reference == second || r.Reference == third)
            .Select(r => r.CaseId).ToListAsync(Cancellation));
        Assert.Equal(3, cases.Count);
        Assert.NotNull(cases[0]);
        Assert.All(cases, c => Assert.Equal(cases[0], c));

        var network = await client.GetAsync($"/staff/reports/{first}/network", Cancellation);
        Assert.Equal(HttpStatusCode.OK, network.Status);
        Assert.NotNull(network.Document.QuerySelector("svg#network-svg"));
        Assert.Contains(third, network.Document.QuerySelector("#network-table")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACoordinator_MarksAValueDoesNotLink_AndTheLinkIsGone_Audited()
    {
        var written = DetectedReports.UniquePhone(out _);
        var first = await DetectedReports.SendAsync(Factory, $"Hotline {written}.", Cancellation);
        var second = await DetectedReports.SendAsync(Factory, $"Delivery firm {written}.", Cancellation);
        var (coordinator, client) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Coordinator);
        var token = await StaffSessions.TokenAsync(Factory, coordinator);

        var page = await client.GetAsync("/staff/reports/" + first, Cancellation);
        var done = await page.Form("#links form.inline").SubmitAsync(Cancellation);

        Assert.Contains("links=unlinked", done.Url.Query, StringComparison.Ordinal);
        using var links = await GetJsonAsync(token, $"/api/v1/reports/{first}/links");
        Assert.Empty(links.RootElement.GetProperty("links").EnumerateArray());
        var audited = await Factory.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .AnyAsync(e => e.Record == first && e.Action == "entity.unlinked" && e.Actor == coordinator.Id.ToString(), Cancellation));
        Assert.True(audited);
        Assert.DoesNotContain(second, (await client.GetAsync("/staff/reports/" + first, Cancellation)).Document.QuerySelector("#links")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hotspots_AreForCoordinators_AndCountReportsPerDetail()
    {
        var written = DetectedReports.UniquePhone(out var e164);
        for (var i = 0; i < 3; i++)
        {
            await DetectedReports.SendAsync(Factory, $"Report {i}: call {written}.", Cancellation);
        }

        var coordinator = await StaffSessions.CreateAsync(Factory, StaffRoles.Coordinator);
        var analyst = await StaffSessions.CreateAsync(Factory, StaffRoles.Analyst);
        var token = await StaffSessions.TokenAsync(Factory, coordinator);

        using var hotspots = await GetJsonAsync(token, "/api/v1/entities/hotspots?kind=phone&min=3");
        using var forbidden = await GetAsync(await StaffSessions.TokenAsync(Factory, analyst), "/api/v1/entities/hotspots");
        using var bad = await GetAsync(token, "/api/v1/entities/hotspots?kind=shoe");

        var hotspot = Assert.Single(hotspots.RootElement.EnumerateArray(), h => h.GetProperty("value").GetString() == e164);
        Assert.Equal(3, hotspot.GetProperty("reports").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Reindex_RebuildsTheRowsOfReportsTheIndexIsBehindOn()
    {
        var written = DetectedReports.UniquePhone(out _);
        var reference = await DetectedReports.SendAsync(Factory, $"Boss {written}, account BE71 0961 2345 6769.", Cancellation);
        await Factory.WithDbAsync(async db =>
        {
            var id = await db.Reports.Where(r => r.Reference == reference).Select(r => r.Id).SingleAsync(Cancellation);
            await db.EntityIndex.Where(e => e.ReportId == id).ExecuteDeleteAsync(Cancellation);
            return await db.IndexedReports.Where(e => e.ReportId == id).ExecuteDeleteAsync(Cancellation);
        });

        await using var scope = Factory.CreateScope();
        var reindex = scope.ServiceProvider.GetRequiredService<Reindex>();
        Assert.True(await reindex.BehindAsync(cancellationToken: Cancellation) >= 1);
        await reindex.RunAsync("test", cancellationToken: Cancellation);

        Assert.Equal(0, await reindex.BehindAsync(cancellationToken: Cancellation));
        var kinds = await Factory.WithDbAsync(db => db.EntityIndex.Where(e => db.Reports.Any(r => r.Id == e.ReportId && r.Reference == reference))
            .Select(e => e.Kind).ToListAsync(Cancellation));
        Assert.Equal(["iban", "phone"], kinds.Order(StringComparer.Ordinal));
    }

    private async Task<HttpResponseMessage> GetAsync(string token, string path)
    {
        using var client = Factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request, Cancellation);
    }

    private async Task<JsonDocument> GetJsonAsync(string token, string path)
    {
        using var response = await GetAsync(token, path);
        var body = await response.Content.ReadAsStringAsync(Cancellation);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"200 expected from {path}, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body);
    }
}

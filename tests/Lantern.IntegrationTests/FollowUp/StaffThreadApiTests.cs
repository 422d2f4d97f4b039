using System.Net;
using System.Text.Json;
using Lantern.IntegrationTests.Infrastructure;
using Lantern.IntegrationTests.Referrals;
using Lantern.Web.Core.Access;
using Microsoft.EntityFrameworkCore;

namespace Lantern.IntegrationTests.FollowUp;

public sealed class StaffThreadApiTestsOnSqlite(SqliteLanternFactory factory) : StaffThreadApiTests<SqliteLanternFactory>(factory);

public sealed class StaffThreadApiTestsOnPostgres(PostgresLanternFactory factory) : StaffThreadApiTests<PostgresLanternFactory>(factory);

/// <summary>
/// <c>GET /api/v1/reports/{reference}/messages</c>: the central team reads the reporter thread as the report page shows
/// it (both ways, authors, files), which counts as opening it and is audited; a partner organisation never does, even
/// with the report referred to it in full.
/// </summary>
public abstract class StaffThreadApiTests<TFactory>(TFactory factory) : LanternTestBase<TFactory>(factory)
    where TFactory : LanternFactory
{
    [Fact]
    public async Task TheCentralTeam_ReadsTheThreadWithAuthorsAndFiles_ItCountsAsOpened_AndIsAudited()
    {
        var shared = await SharedReports.ShareThroughPagesAndApiAsync(Factory, "pag-asa", Cancellation);
        Assert.True(await UnreadAsync(shared.Reference));
        var coordinator = await StaffSessions.CreateAsync(Factory, StaffRoles.Coordinator);
        var token = await StaffSessions.TokenAsync(Factory, coordinator);
        using var api = Factory.CreateClient();

        using var response = await FollowUpClient.GetAsync(api, $"/api/v1/reports/{shared.Reference}/messages", token, Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? string.Empty, StringComparison.Ordinal);
        var thread = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancellation)).RootElement;
        Assert.Equal(shared.Reference, thread.GetProperty("reference").GetString());
        var messages = thread.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(2, messages.Count);
        var fromReporter = messages.Single(m => m.GetProperty("from").GetString() == "reporter");
        Assert.Equal(shared.ReporterMessage, fromReporter.GetProperty("text").GetString());
        Assert.Equal(JsonValueKind.Null, fromReporter.GetProperty("author").ValueKind);
        var fromTeam = messages.Single(m => m.GetProperty("from").GetString() == "team");
        Assert.Equal(shared.TeamMessage, fromTeam.GetProperty("text").GetString());
        Assert.Equal(shared.AnalystEmail, fromTeam.GetProperty("author").GetString());
        Assert.NotNull(thread.GetProperty("firstReplyAt").GetString());
        var file = fromReporter.GetProperty("files").EnumerateArray().Single();
        Assert.Equal("room.jpg", file.GetProperty("name").GetString());
        Assert.Equal(shared.ReporterThreadFileId.ToString(), file.GetProperty("id").GetString());
        using var download = await FollowUpClient.GetAsync(api, file.GetProperty("url").GetString()!, token, Cancellation);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(shared.TeamThreadFileId.ToString(), fromTeam.GetProperty("files").EnumerateArray().Single().GetProperty("id").GetString());

        Assert.False(await UnreadAsync(shared.Reference));
        var audit = await Factory.WithDbAsync(db => db.AuditEntries
            .Where(e => e.Record == shared.Reference && e.Actor == coordinator.Id.ToString() && e.Action == "report.thread-read")
            .Select(e => e.Detail).ToListAsync(Cancellation));
        Assert.Equal("via=api; messages=2", Assert.Single(audit));
        Assert.DoesNotContain(shared.ReporterMessage, await Factory.WithDbAsync(db => db.AuditEntries.Select(e => e.Detail).ToListAsync(Cancellation)));
    }

    [Fact]
    public async Task APartnerWithTheReportReferredInFull_GetsNotFound_AndNothingIsAudited()
    {
        var shared = await SharedReports.ShareThroughPagesAndApiAsync(Factory, "pag-asa", Cancellation);
        var partner = await StaffSessions.CreateAsync(Factory, StaffRoles.PartnerCaseworker, "pag-asa");
        using var api = Factory.CreateClient();

        using var response = await FollowUpClient.GetAsync(api, $"/api/v1/reports/{shared.Reference}/messages", await StaffSessions.TokenAsync(Factory, partner), Cancellation);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(shared.ReporterMessage, await response.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
        Assert.True(await UnreadAsync(shared.Reference));
        Assert.Equal(0, await Factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Actor == partner.Id.ToString() && e.Action == "report.thread-read", Cancellation)));
    }

    [Fact]
    public async Task TheOpenApiDocument_DescribesReadingTheThread()
    {
        using var client = Factory.CreateClient();

        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), Cancellation));

        var get = json.RootElement.GetProperty("paths").GetProperty("/api/v1/reports/{reference}/messages").GetProperty("get");
        Assert.Equal("GetReportMessages", get.GetProperty("operationId").GetString());
        foreach (var status in new[] { "200", "401", "403", "404" })
        {
            Assert.True(get.GetProperty("responses").TryGetProperty(status, out _), status);
        }

        Assert.True(get.GetProperty("responses").GetProperty("200").TryGetProperty("content", out _));
    }

    private Task<bool> UnreadAsync(string reference) =>
        Factory.WithDbAsync(db => db.Reports.Where(r => r.Reference == reference).Select(r => r.UnreadFromReporter).SingleAsync(Cancellation));
}

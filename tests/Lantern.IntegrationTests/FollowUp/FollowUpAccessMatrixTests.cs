using System.Net;
using Lantern.IntegrationTests.Infrastructure;
using Lantern.Web.Core.Access;

namespace Lantern.IntegrationTests.FollowUp;

public sealed class FollowUpAccessMatrixTestsOnSqlite(SqliteLanternFactory factory) : FollowUpAccessMatrixTests<SqliteLanternFactory>(factory);

public sealed class FollowUpAccessMatrixTestsOnPostgres(PostgresLanternFactory factory) : FollowUpAccessMatrixTests<PostgresLanternFactory>(factory);

/// <summary>
/// Every role against the team's side of the thread (the message page, the message endpoint and reading the thread
/// through the API) for a report not referred to anyone: the central team reads and writes, a partner finds nothing
/// (404), everyone else is refused (403). A partner whose organisation has the report referred with the full scope
/// finds nothing either (Referrals/PartnerAccessMatrixTests).
/// </summary>
public abstract class FollowUpAccessMatrixTests<TFactory>(TFactory factory) : LanternTestBase<TFactory>(factory)
    where TFactory : LanternFactory
{
    [Theory]
    [InlineData(StaffRoles.Administrator, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)]
    [InlineData(StaffRoles.Coordinator, HttpStatusCode.OK, HttpStatusCode.Created, HttpStatusCode.OK)]
    [InlineData(StaffRoles.Analyst, HttpStatusCode.OK, HttpStatusCode.Created, HttpStatusCode.OK)]
    [InlineData(StaffRoles.Operator, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)]
    [InlineData(StaffRoles.PartnerCaseworker, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound)]
    [InlineData(StaffRoles.Professional, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)]
    [InlineData(StaffRoles.Editor, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)]
    [InlineData(StaffRoles.Auditor, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)]
    public async Task EachRole_GetsWhatItsPermissionsAllow(string role, HttpStatusCode page, HttpStatusCode endpoint, HttpStatusCode read)
    {
        var report = await FollowUpClient.SendReportAsync(Factory, cancellationToken: Cancellation);
        var credentials = await StaffSessions.CreateAsync(Factory, role, role == StaffRoles.PartnerCaseworker ? "pag-asa" : null);
        var client = await StaffSessions.SignInAsync(Factory, credentials);
        using var api = Factory.CreateClient();
        var token = await StaffSessions.TokenAsync(Factory, credentials);

        var shown = await client.GetAsync($"/staff/reports/{report.Reference}/message", Cancellation);
        using var sent = await FollowUpClient.PostJsonAsync(api, $"/api/v1/reports/{report.Reference}/messages", """{"text":"A question"}""", token, Cancellation);
        using var anonymous = await FollowUpClient.PostJsonAsync(api, $"/api/v1/reports/{report.Reference}/messages", """{"text":"A question"}""", cancellationToken: Cancellation);
        using var thread = await FollowUpClient.GetAsync(api, $"/api/v1/reports/{report.Reference}/messages", token, Cancellation);
        using var anonymousRead = await FollowUpClient.GetAsync(api, $"/api/v1/reports/{report.Reference}/messages", null, Cancellation);

        Assert.Equal(page, shown.Status);
        Assert.Equal(endpoint, sent.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(read, thread.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousRead.StatusCode);
        var body = await thread.Content.ReadAsStringAsync(Cancellation);
        Assert.Equal(read == HttpStatusCode.OK, body.Contains("A question", StringComparison.Ordinal));
    }
}

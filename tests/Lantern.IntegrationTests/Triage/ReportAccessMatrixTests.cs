using System.Net;
using System.Net.Http.Headers;
using Lantern.IntegrationTests.Infrastructure;
using Lantern.Web.Cases;
using Lantern.Web.Core.Access;
using Microsoft.EntityFrameworkCore;

namespace Lantern.IntegrationTests.Triage;

public sealed class ReportAccessMatrixTestsOnSqlite(SqliteLanternFactory factory) : ReportAccessMatrixTests<SqliteLanternFactory>(factory);

public sealed class ReportAccessMatrixTestsOnPostgres(PostgresLanternFactory factory) : ReportAccessMatrixTests<PostgresLanternFactory>(factory);

/// <summary>Every role against the report page, the case page and the report API, for a report not referred to anyone.</summary>
public abstract class ReportAccessMatrixTests<TFactory>(TFactory factory) : LanternTestBase<TFactory>(factory)
    where TFactory : LanternFactory
{
    [Theory]
    [InlineData(StaffRoles.Administrator, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)]
    [InlineData(StaffRoles.Coordinator, HttpStatusCode.OK, HttpStatusCode.OK)]
    [InlineData(StaffRoles.Analyst, HttpStatusCode.OK, HttpStatusCode.OK)]
    [InlineData(StaffRoles.Operator, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)]
    [InlineData(StaffRoles.PartnerCaseworker, HttpStatusCode.NotFound, HttpStatusCode.Forbidden)]
    [InlineData(StaffRoles.Professional, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)]
    [InlineData(StaffRoles.Editor, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)]
    [InlineData(StaffRoles.Auditor, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)]
    public async Task EachRole_GetsWhatItsPermissionsAllow(string role, HttpStatusCode report, HttpStatusCode casePage)
    {
        var planted = await SubmittedReports.SendAsync(Factory, cancellationToken: Cancellation);
        var caseReference = await PutInANewCaseAsync(planted.Reference);
        var credentials = await StaffSessions.CreateAsync(Factory, role, role == StaffRoles.PartnerCaseworker ? "pag-asa" : null);
        var client = await StaffSessions.SignInAsync(Factory, credentials);
        using var api = Factory.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await StaffSessions.TokenAsync(Factory, credentials));

        var page = await client.GetAsync("/staff/reports/" + planted.Reference, Cancellation);
        using var response = await api.GetAsync(new Uri("/api/v1/reports/" + planted.Reference, UriKind.Relative), Cancellation);
        var cases = await client.GetAsync("/staff/cases/" + caseReference, Cancellation);

        Assert.Equal(report, page.Status);
        Assert.Equal(report, response.StatusCode);
        Assert.Equal(casePage, cases.Status);
        var shown = report == HttpStatusCode.OK;
        Assert.Equal(shown, page.Html.Contains(planted.Description, StringComparison.Ordinal));
        Assert.Equal(shown, (await response.Content.ReadAsStringAsync(Cancellation)).Contains(planted.Description, StringComparison.Ordinal));
        var reads = await Factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Record == planted.Reference && e.Action == "report.read" && e.Actor == credentials.Id.ToString(), Cancellation));
        Assert.Equal(shown ? 2 : 0, reads);
    }

    private Task<string> PutInANewCaseAsync(string reference) =>
        Factory.WithDbAsync(async db =>
        {
            var created = new Case { Id = Guid.CreateVersion7(), Reference = CaseReferences.Next(), CreatedAt = DateTime.UtcNow };
            db.Cases.Add(created);
            var report = await db.Reports.SingleAsync(r => r.Reference == reference, Cancellation);
            report.CaseId = created.Id;
            await db.SaveChangesAsync(Cancellation);
            return created.Reference;
        });
}

using System.Net;
using Lantern.IntegrationTests.Infrastructure;
using Lantern.Web.Core.Access;
using Microsoft.EntityFrameworkCore;

namespace Lantern.IntegrationTests.Accounts;

/// <summary>The auditors' page: filters, paging, and the chain check that notices a tampered row.</summary>
public abstract class AuditPageTests<TFactory>(TFactory factory) : LanternTestBase<TFactory>(factory)
    where TFactory : LanternFactory
{
    [Fact]
    public async Task Auditors_FindSignInsByEmailAndAction()
    {
        var analyst = await StaffSessions.CreateAsync(Factory, StaffRoles.Analyst);
        await StaffSessions.SignInAsync(Factory, analyst);
        var (_, auditor) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Auditor);

        var page = await auditor.GetAsync($"/staff/audit?actor={Uri.EscapeDataString(analyst.Email)}&action=sign-in.succeeded", Cancellation);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var rows = page.Document.QuerySelectorAll("#audit-entries tbody tr");
        Assert.Single(rows);
        Assert.Contains(analyst.Email, rows[0].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongDate_IsABadRequestWithAMessage()
    {
        var (_, auditor) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Auditor);

        var page = await auditor.GetAsync("/staff/audit?from=28/11/2026", Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.NotNull(page.Document.QuerySelector(".error-summary"));
    }

    [Fact]
    public async Task OlderEntries_ArePagedWithoutGapsOrRepeats()
    {
        var (_, auditor) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Auditor);
        await using (var scope = Factory.CreateScope())
        {
            var trail = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Lantern.Web.Core.Audit.AuditTrail>(scope.ServiceProvider);
            var db = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Lantern.Web.Core.Persistence.LanternDbContext>(scope.ServiceProvider);
            for (var i = 0; i < 130; i++)
            {
                trail.Add(db, "test", "test.paging", "R" + i, string.Empty);
            }

            await trail.SaveAsync(db);
        }

        var seen = new List<string>();
        var page = await auditor.GetAsync("/staff/audit?action=test.paging", Cancellation);
        while (true)
        {
            seen.AddRange(page.Document.QuerySelectorAll("#audit-entries tbody tr td:nth-child(5)").Select(td => td.TextContent));
            var next = page.Document.QuerySelector("a[rel=next]")?.GetAttribute("href");
            if (next is null)
            {
                break;
            }

            page = await auditor.GetAsync(next, Cancellation);
        }

        Assert.Equal(130, seen.Count);
        Assert.Equal(130, seen.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task TheChainCheck_NamesATamperedEntry()
    {
        var (_, auditor) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Auditor);
        var intact = await (await auditor.GetAsync("/staff/audit", Cancellation)).Form("form[action*='handler=Verify']").SubmitAsync(Cancellation);
        Assert.Contains("intact", intact.Document.QuerySelector("#verification")!.TextContent, StringComparison.OrdinalIgnoreCase);

        var target = await Factory.WithDbAsync(db => db.AuditEntries.OrderBy(e => e.Sequence).Select(e => e.Sequence).FirstAsync(Cancellation));
        await Factory.WithDbAsync(db => db.AuditEntries.Where(e => e.Sequence == target).ExecuteUpdateAsync(e => e.SetProperty(x => x.Detail, "rewritten"), Cancellation));

        var broken = await (await auditor.GetAsync("/staff/audit", Cancellation)).Form("form[action*='handler=Verify']").SubmitAsync(Cancellation);
        Assert.Contains(target.ToString(System.Globalization.CultureInfo.InvariantCulture), broken.Document.QuerySelector("#verification")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("intact", broken.Document.QuerySelector("#verification")!.TextContent, StringComparison.OrdinalIgnoreCase);
    }
}

public sealed class AuditPageTestsOnSqlite(SqliteLanternFactory factory) : AuditPageTests<SqliteLanternFactory>(factory);

public sealed class AuditPageTestsOnPostgres(PostgresLanternFactory factory) : AuditPageTests<PostgresLanternFactory>(factory);

using System.Net;
using System.Text.Json;
using Lantern.IntegrationTests.Infrastructure;
using Lantern.IntegrationTests.Privacy;
using Lantern.IntegrationTests.Referrals;
using Lantern.Web.Audit;
using Lantern.Web.Cases;
using Lantern.Web.Core.Access;
using Lantern.Web.Core.Reports;
using Lantern.Web.Retention;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.IntegrationTests.Retention;

public sealed class RetentionTestsOnSqlite(SqliteRetentionFactory factory) : RetentionTests<SqliteRetentionFactory>(factory);

public sealed class RetentionTestsOnPostgres(PostgresRetentionFactory factory) : RetentionTests<PostgresRetentionFactory>(factory);

/// <summary>
/// Retention erases a report closed long enough ago under a rule (issue 15): its keys first, then its rows, and the
/// database keeps none of its bytes: every file of the data directory (SQLite's database, its WAL and shared memory)
/// and, on PostgreSQL, every column of every table is searched for what was stored of it. Reports not yet due, kept
/// by a rule of 0 days or by their case stay readable; the preview lists exactly what the erasure takes; the audit
/// says it happened and still verifies; the job does nothing while disabled.
/// </summary>
public abstract class RetentionTests<TFactory>(TFactory factory) : LanternTestBase<TFactory>(factory)
    where TFactory : LanternFactory
{
    [Fact]
    public async Task RunOnce_ErasesTheDueReport_AndNothingOfItStays_WhileTheOthersStayReadable()
    {
        var coordinator = await StaffSessions.CreateAsync(Factory, StaffRoles.Coordinator);
        var token = await StaffSessions.TokenAsync(Factory, coordinator);
        using var api = ReferralReports.Api(Factory, token);

        var due = await PlantedReport.CreateAsync(Factory, api, token, Cancellation);
        await PlantedReport.CloseAsync(Factory, due.Reference, ReportOutcomes.NoFurtherAction, RetentionSettings.NoFurtherActionDays + 10);
        var notYet = await KeptAsync(ReportOutcomes.NoFurtherAction, RetentionSettings.NoFurtherActionDays - 10);
        var keptByRule = await KeptAsync(ReportOutcomes.Unfounded, 4000);
        var keptByCase = await KeptAsync(ReportOutcomes.NoFurtherAction, RetentionSettings.NoFurtherActionDays + 10);
        await Factory.WithDbAsync(async db =>
        {
            var grouped = new Case { Id = Guid.NewGuid(), Reference = "CS-RET-" + Random.Shared.Next(1000, 9999).ToString(System.Globalization.CultureInfo.InvariantCulture), CreatedAt = DateTime.UtcNow };
            db.Set<Case>().Add(grouped);
            await db.SaveChangesAsync(Cancellation);
            return await db.Reports.Where(r => r.Reference == keptByCase.Reference).ExecuteUpdateAsync(set => set.SetProperty(r => r.CaseId, grouped.Id), Cancellation);
        });

        // The scan sees what is stored of the report: else finding nothing afterwards would prove nothing.
        var before = await Factory.ReadStoredDataAsync();
        var foundBefore = PlantedReport.FindBytes(before, due.StoredBytes);
        foreach (var name in due.StoredBytes.Keys)
        {
            Assert.Contains(foundBefore, f => f.StartsWith(name + " in ", StringComparison.Ordinal));
        }

        Assert.NotEmpty(StoredDataScan.Find(before, [due.Id.ToString()]));
        // Content is encrypted: the plaintexts never reach storage, erased or not.
        Assert.Empty(StoredDataScan.Find(before, due.Texts));

        // Disabled (the default), the job reads and erases nothing.
        await using (var scope = Factory.CreateScope())
        {
            Assert.Null(await scope.ServiceProvider.GetRequiredService<RetentionJob>().TickAsync(Cancellation));
        }

        RetentionRun preview, erased;
        await using (var scope = Factory.CreateScope())
        {
            preview = await scope.ServiceProvider.GetRequiredService<RetentionSweep>().RunOnceAsync(dryRun: true, Cancellation);
        }

        Assert.Equal([(due.Reference, ReportOutcomes.NoFurtherAction)], preview.Due.Select(d => (d.Reference, d.Rule)));
        Assert.Equal(0, preview.Erased);
        Assert.True(await Factory.WithDbAsync(db => db.Reports.AnyAsync(r => r.Id == due.Id, Cancellation)), "a preview erases nothing");

        await using (var scope = Factory.CreateScope())
        {
            erased = await scope.ServiceProvider.GetRequiredService<RetentionSweep>().RunOnceAsync(dryRun: false, Cancellation);
        }

        Assert.Equal(preview.Due.Select(d => d.Reference), erased.Due.Select(d => d.Reference));
        Assert.Equal(1, erased.Erased);

        // While the app still runs: the database files as they are now, WAL included.
        var after = await Factory.ReadStoredDataAsync();
        Assert.Empty(PlantedReport.FindBytes(after, due.StoredBytes));
        Assert.Empty(StoredDataScan.Find(after, [due.Id.ToString(), .. due.Texts]));
        if (Factory.Database == DatabaseKind.Postgres)
        {
            // The reference is not content: the audit keeps it (that the report was erased, and under which rule), nothing else does.
            Assert.All(StoredDataScan.Find(after, [due.Reference]), f => Assert.StartsWith($"'{due.Reference.ToLowerInvariant()}' in audit_entries.Record[", f, StringComparison.Ordinal));
        }

        using (var gone = await api.GetAsync(new Uri("/api/v1/reports/" + due.Reference, UriKind.Relative), Cancellation))
        {
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        }

        foreach (var kept in new[] { notYet, keptByRule, keptByCase })
        {
            var detail = await ReferralReports.GetJsonAsync(api, "/api/v1/reports/" + kept.Reference, Cancellation);
            Assert.Contains(kept.Description, detail.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), StringComparison.Ordinal);
        }

        var entries = await Factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Record == due.Reference && e.Action.StartsWith("report.")).OrderBy(e => e.Sequence)
            .Select(e => new { e.Actor, e.Action, e.Detail }).ToListAsync(Cancellation));
        Assert.Equal(["report.keys-destroyed", "report.erased"], entries.Where(e => e.Action is "report.keys-destroyed" or "report.erased").Select(e => e.Action));
        Assert.All(entries.Where(e => e.Action is "report.keys-destroyed" or "report.erased"), e =>
        {
            Assert.Equal(RetentionSweep.SystemActor, e.Actor);
            Assert.StartsWith("rule=no-further-action; closed=", e.Detail, StringComparison.Ordinal);
        });
        await using (var scope = Factory.CreateScope())
        {
            var verification = await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(Cancellation);
            Assert.True(verification.Intact, verification.Message);
        }

        // Nothing is due any more: a second run finds nothing and erases nothing.
        await using (var scope = Factory.CreateScope())
        {
            var again = await scope.ServiceProvider.GetRequiredService<RetentionSweep>().RunOnceAsync(dryRun: false, Cancellation);
            Assert.Empty(again.Due);
        }
    }

    private async Task<RoutedReport> KeptAsync(string outcome, int closedDaysAgo)
    {
        var sent = await ReferralReports.SendAsync(Factory, cancellationToken: Cancellation);
        await PlantedReport.CloseAsync(Factory, sent.Reference, outcome, closedDaysAgo);
        return sent;
    }
}

using Lantern.IntegrationTests.Infrastructure;
using Lantern.IntegrationTests.Referrals;
using Lantern.Web.Core.Reports;
using Lantern.Web.Retention;
using Microsoft.EntityFrameworkCore;

namespace Lantern.IntegrationTests.Retention;

/// <summary>
/// <c>retention preview</c> and <c>retention erase</c> run as an operator runs them, beside the running server:
/// the preview lists the due report by rule and reference and erases nothing; the erase takes exactly that report,
/// prints the counts, is audited as the command line, and leaves nothing of the report's keys in the data directory.
/// </summary>
public sealed class RetentionCommandTests(SqliteRetentionFactory factory) : LanternTestBase<SqliteRetentionFactory>(factory)
{
    [Fact]
    public async Task PreviewListsWhatEraseThenErases()
    {
        var due = await ReferralReports.SendAsync(Factory, cancellationToken: Cancellation);
        var notYet = await ReferralReports.SendAsync(Factory, cancellationToken: Cancellation);
        await PlantedReport.CloseAsync(Factory, due.Reference, ReportOutcomes.NoFurtherAction, RetentionSettings.NoFurtherActionDays + 1);
        await PlantedReport.CloseAsync(Factory, notYet.Reference, ReportOutcomes.NoFurtherAction, RetentionSettings.NoFurtherActionDays - 1);
        var sealedKey = await Factory.WithDbAsync(db => db.Reports.Where(r => r.Reference == due.Reference).Select(r => r.SealedDataKey).SingleAsync(Cancellation));

        var preview = await LanternCommand.RunAsync(Factory.DataDirectory, RetentionSettings.Values, Cancellation, "retention", "preview");

        Assert.True(preview.ExitCode == 0, preview.Error);
        Assert.StartsWith("1 report(s) due for erasure", preview.Output, StringComparison.Ordinal);
        Assert.Contains($"{ReportOutcomes.NoFurtherAction}\t{RetentionSettings.NoFurtherActionDays}\t1", preview.Output, StringComparison.Ordinal);
        Assert.Contains($"{ReportOutcomes.Unfounded}\tkeep\t0", preview.Output, StringComparison.Ordinal);
        Assert.Contains($"{ReportOutcomes.NoFurtherAction}\t{due.Reference}\t", preview.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(notYet.Reference, preview.Output, StringComparison.Ordinal);
        Assert.Equal(2, await Factory.WithDbAsync(db => db.Reports.CountAsync(r => r.Reference == due.Reference || r.Reference == notYet.Reference, Cancellation)));

        var erase = await LanternCommand.RunAsync(Factory.DataDirectory, RetentionSettings.Values, Cancellation, "retention", "erase");

        Assert.True(erase.ExitCode == 0, erase.Error);
        Assert.StartsWith("Erased 1 of 1 report(s) due", erase.Output, StringComparison.Ordinal);
        // The same lines after the first: what the preview listed is what was erased.
        Assert.Equal(preview.Output.Split('\n')[1..], erase.Output.Split('\n')[1..]);
        Assert.False(await Factory.WithDbAsync(db => db.Reports.AnyAsync(r => r.Reference == due.Reference, Cancellation)));
        Assert.True(await Factory.WithDbAsync(db => db.Reports.AnyAsync(r => r.Reference == notYet.Reference, Cancellation)));
        Assert.Equal(
            ["cli report.keys-destroyed", "cli report.erased"],
            await Factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Record == due.Reference && (e.Action == "report.keys-destroyed" || e.Action == "report.erased"))
                .OrderBy(e => e.Sequence).Select(e => e.Actor + " " + e.Action).ToListAsync(Cancellation)));
        Assert.Empty(PlantedReport.FindBytes(await Factory.ReadStoredDataAsync(), new Dictionary<string, byte[]> { ["sealed data key"] = sealedKey }));
    }

    [Fact]
    public async Task AnErasureStoppedAfterTheKeys_IsFinishedByTheNextRun()
    {
        var report = await ReferralReports.SendAsync(Factory, cancellationToken: Cancellation);
        // Open, not due under any rule: only the destroyed keys make it due (a run that stopped between its two steps).
        await Factory.WithDbAsync(db => db.Reports.Where(r => r.Reference == report.Reference)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.StaffKeyId, ReportEraser.DestroyedKeyId).SetProperty(r => r.SealedDataKey, Array.Empty<byte>()), Cancellation));

        var erase = await LanternCommand.RunAsync(Factory.DataDirectory, RetentionSettings.Values, Cancellation, "retention", "erase");

        Assert.True(erase.ExitCode == 0, erase.Error);
        Assert.Contains($"{RetentionRule.Interrupted}\t{report.Reference}\t", erase.Output, StringComparison.Ordinal);
        Assert.False(await Factory.WithDbAsync(db => db.Reports.AnyAsync(r => r.Reference == report.Reference, Cancellation)));
    }
}

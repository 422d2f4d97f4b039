using System.Security.Cryptography;
using Lantern.Web.Core.Files;

namespace Lantern.Web.Retention;

/// <summary>
/// Erases reports in an order where every step is committed before the next begins, so that whatever moment a
/// backup or a crash catches, no copy can be read again:
/// 1. crypto-shredding: every wrapped copy of each report's data key (sealed to the staff key, wrapped under the
///    receipt) and the receipt's verifier are overwritten and committed, then the database is scrubbed, so the old
///    key bytes are in no page and no log; from then on the report's ciphertexts are noise, in every copy;
/// 2. the report's rows, in one transaction: each capability's (<see cref="IReportErasure"/>), then the core's
///    (files, items with their chunks, forms, signs, the report); then the database is scrubbed again.
/// Each report's two steps are audited (<c>report.keys-destroyed</c>, <c>report.erased</c>: the reference and the
/// rule, never content). A report whose keys were destroyed by a run that stopped before step 2 is found again by
/// the next run (<see cref="RetentionRule.Interrupted"/>) and finished.
/// </summary>
public sealed class ReportEraser(LanternDbContext db, IEnumerable<IReportErasure> participants, AuditTrail audit, DatabaseScrub scrub)
{
    /// <summary>The staff key id of a report whose keys are destroyed: no staff key has it, and it marks the report for step 2.</summary>
    public const string DestroyedKeyId = "erased";

    /// <summary>Reports per round of the two steps: the keys of a round are all destroyed before any of its rows go.</summary>
    private const int Round = 100;

    /// <summary>Erases <paramref name="due"/>; answers how many reports were erased (a report reopened since it was found stays).</summary>
    public async Task<int> EraseAsync(IReadOnlyList<DueReport> due, string actor, CancellationToken cancellationToken)
    {
        var erased = 0;
        foreach (var round in due.Chunk(Round))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var shredded = new List<DueReport>();
            foreach (var report in round)
            {
                if (report.Rule == RetentionRule.Interrupted || await DestroyKeysAsync(report, actor))
                {
                    shredded.Add(report);
                }
            }

            await scrub.ScrubAsync(db, CancellationToken.None);
            foreach (var report in shredded)
            {
                if (await DeleteRowsAsync(report, actor))
                {
                    erased++;
                }
            }

            await scrub.ScrubAsync(db, CancellationToken.None);
        }

        return erased;
    }

    /// <summary>
    /// Step 1, on condition that the report is still closed as it was when found due (not reopened, not closed again
    /// since). Not cancellable once begun, as every audited change.
    /// </summary>
    private async Task<bool> DestroyKeysAsync(DueReport report, string actor)
    {
        var none = CancellationToken.None;
        await using var transaction = await audit.BeginTransactionAsync(db, none);
        await DatabaseScrub.SecureDeleteAsync(db, none);
        var closedAt = report.ClosedAt;
        // Random, not empty: the verifier is unique, and a value no receipt derives finds nothing at sign-in.
        var verifier = RandomNumberGenerator.GetBytes(32);
        var destroyed = await db.Reports
            .Where(r => r.Id == report.Id && r.Status == ReportStatus.Closed && r.StatusChangedAt == closedAt && r.StaffKeyId != DestroyedKeyId)
            .ExecuteUpdateAsync(
                set => set
                    .SetProperty(r => r.SealedDataKey, Array.Empty<byte>())
                    .SetProperty(r => r.ReceiptWrappedKey, Array.Empty<byte>())
                    .SetProperty(r => r.ReceiptVerifier, verifier)
                    .SetProperty(r => r.StaffKeyId, DestroyedKeyId),
                none);
        if (destroyed == 0)
        {
            return false;
        }

        await audit.RecordAsync(db, actor, "report.keys-destroyed", report.Reference, Detail(report));
        await transaction.CommitAsync(none);
        return true;
    }

    /// <summary>Step 2: every row of the report, in one transaction with its audit entry.</summary>
    private async Task<bool> DeleteRowsAsync(DueReport report, string actor)
    {
        var none = CancellationToken.None;
        await using var transaction = await audit.BeginTransactionAsync(db, none);
        await DatabaseScrub.SecureDeleteAsync(db, none);
        foreach (var participant in participants)
        {
            await participant.EraseAsync(db, report.Id, none);
        }

        // Files before items: a file row may name the message item it was sent with.
        await db.ReportFiles.Where(f => f.ReportId == report.Id).ExecuteDeleteAsync(none);
        await db.ReportItems.Where(i => i.ReportId == report.Id).ExecuteDeleteAsync(none);
        await db.ReportForms.Where(f => f.ReportId == report.Id).ExecuteDeleteAsync(none);
        await db.ReportSigns.Where(s => s.ReportId == report.Id).ExecuteDeleteAsync(none);
        var deleted = await db.Reports.Where(r => r.Id == report.Id && r.StaffKeyId == DestroyedKeyId).ExecuteDeleteAsync(none);
        if (deleted == 0)
        {
            // Another process erased it in the meantime: its transaction holds the entry.
            return false;
        }

        await audit.RecordAsync(db, actor, "report.erased", report.Reference, Detail(report));
        await transaction.CommitAsync(none);
        return true;
    }

    private static string Detail(DueReport report) =>
        report.ClosedAt is { } closed
            ? string.Create(CultureInfo.InvariantCulture, $"rule={report.Rule}; closed={closed:yyyy-MM-dd}")
            : "rule=" + report.Rule;
}


namespace Lantern.Web.Triage.Reports;

/// <summary>
/// Moves a report along <see cref="ReportWorkflow"/>. The caller says which status it saw: if the report has
/// moved since (another person acted on it), nothing is written and the result is a conflict, so a stale page
/// never silently overwrites a newer decision. The check and the write are one conditional update.
/// </summary>
public sealed class ChangeReportStatus(ReportFinder finder, ReportScope scope, LanternDbContext db, IReportReferrals referrals, AuditTrail audit, TimeProvider clock)
{
    public async Task<Outcome> ExecuteAsync(
        StaffMember member, string? reference, string? expectedStatus, string? newStatus, string? outcome, CancellationToken cancellationToken)
    {
        var found = await finder.FindAsync(member, reference, Permissions.TriageReports, tracked: false, cancellationToken);
        if (found.Value is not { } current)
        {
            return found.Result;
        }

        var reports = scope.VisibleTo(member);

        if (expectedStatus != current.Status)
        {
            return Outcome.Conflict("staff.report.status.error.stale");
        }

        if (newStatus is null || !ReportWorkflow.CanMove(current.Status, newStatus))
        {
            return Outcome.Invalid("staff.report.status.error.transition");
        }

        // "Referred" says a partner has the report: it needs a referral (made on the report page, which moves the status itself).
        if (newStatus == ReportStatus.Referred && !await referrals.HasLiveReferralAsync(current.Id, cancellationToken))
        {
            return Outcome.Invalid("staff.report.status.error.no_referral");
        }

        var closing = newStatus == ReportStatus.Closed;
        if (closing && (outcome is null || !ReportOutcomes.All.Contains(outcome)))
        {
            return Outcome.Invalid("staff.report.status.error.outcome");
        }

        var kept = closing ? outcome : null;
        DateTime? now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await audit.BeginTransactionAsync(db, cancellationToken);
        var updated = await reports.Where(r => r.Id == current.Id && r.Status == current.Status)
            .ExecuteUpdateAsync(
                set => set
                    .SetProperty(r => r.Status, newStatus)
                    .SetProperty(r => r.StatusChangedAt, now)
                    .SetProperty(r => r.AcknowledgedAt, r => r.AcknowledgedAt ?? now)
                    .SetProperty(r => r.Outcome, kept),
                cancellationToken);
        if (updated == 0)
        {
            // Someone else changed it between the read and the write.
            return Outcome.Conflict("staff.report.status.error.stale");
        }

        // From here on nothing is cancelled: the change and its entry are committed together.
        var detail = $"from={current.Status}; to={newStatus}" + (closing ? $"; outcome={outcome}" : string.Empty);
        await audit.RecordAsync(db, member.Actor, ReportWorkflow.IsReopening(current.Status, newStatus) ? "report.reopened" : "report.status-changed", current.Reference, detail);
        await transaction.CommitAsync(CancellationToken.None);
        return Outcome.Done();
    }
}

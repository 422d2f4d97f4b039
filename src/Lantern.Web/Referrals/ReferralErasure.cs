namespace Lantern.Web.Referrals;

/// <summary>
/// A report's referrals and dismissed proposals go with it. The partners' updates are report items (kind
/// <c>ReferralUpdate</c>), encrypted under the report's key, which the core deletes with the report's other items.
/// </summary>
public sealed class ReferralErasure : IReportErasure
{
    public async Task EraseAsync(LanternDbContext db, Guid reportId, CancellationToken cancellationToken)
    {
        await db.ReferralDismissals.Where(d => d.ReportId == reportId).ExecuteDeleteAsync(cancellationToken);
        await db.Referrals.Where(r => r.ReportId == reportId).ExecuteDeleteAsync(cancellationToken);
    }
}

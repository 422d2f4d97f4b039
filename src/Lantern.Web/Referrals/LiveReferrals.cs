namespace Lantern.Web.Referrals;

/// <summary>Answers the core's question whether a report has a live (not withdrawn) referral.</summary>
public sealed class LiveReferrals(LanternDbContext db) : IReportReferrals
{
    public Task<bool> HasLiveReferralAsync(Guid reportId, CancellationToken cancellationToken) =>
        db.Referrals.Where(ReferralStates.IsLive).AnyAsync(f => f.ReportId == reportId, cancellationToken);
}

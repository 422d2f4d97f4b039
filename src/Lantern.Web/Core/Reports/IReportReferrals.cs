namespace Lantern.Web.Core.Reports;

/// <summary>Whether a report has a live referral, as the Referrals capability knows it: the status "referred" needs one.</summary>
public interface IReportReferrals
{
    Task<bool> HasLiveReferralAsync(Guid reportId, CancellationToken cancellationToken);
}

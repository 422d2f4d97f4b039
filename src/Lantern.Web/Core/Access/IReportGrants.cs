namespace Lantern.Web.Core.Access;

/// <summary>
/// How a capability opens reports to an organisation's caseworkers (today: Referrals, a live referral). The core asks
/// through this interface, so <see cref="ReportScope"/> decides who sees what without naming the capability.
/// </summary>
public interface IReportGrants
{
    /// <summary>The ids of the reports open to the member as a partner caseworker now; none without an organisation.</summary>
    IQueryable<Guid> ReportsOpenTo(StaffMember member);

    /// <summary>What opens the report to the member (null: nothing does).</summary>
    Task<ReportGrant?> GrantAsync(StaffMember member, Guid reportId, CancellationToken cancellationToken);
}

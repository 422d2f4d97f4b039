using Lantern.Web.Core.Organisations;

namespace Lantern.Web.Referrals;

/// <summary>
/// What every referral decision of the central team (refer, dismiss a proposal, propose again) starts with: the
/// report as the member sees it (404 otherwise), the permission <see cref="Permissions.ManageReferrals"/> (403),
/// and the organisation named by its code (400 when unknown).
/// </summary>
public sealed class ReferralDecisionSubject(ReportFinder finder, LanternDbContext db)
{
    /// <summary>The report (tracked) and the organisation a decision is about.</summary>
    public sealed record Found(Report Report, Organisation Organisation);

    public async Task<Outcome<Found>> FindAsync(
        StaffMember member, string? reference, string? organisationCode, CancellationToken cancellationToken)
    {
        var found = await finder.FindAsync(member, reference, Permissions.ManageReferrals, tracked: true, cancellationToken);
        if (found.Value is not { } report)
        {
            return found.Result;
        }

        var organisation = string.IsNullOrWhiteSpace(organisationCode)
            ? null
            : await db.Organisations.FirstOrDefaultAsync(o => o.Code == organisationCode.Trim(), cancellationToken);
        return organisation is null
            ? Outcome.Invalid("staff.referrals.error.organisation")
            : Outcome.Done(new Found(report, organisation));
    }
}

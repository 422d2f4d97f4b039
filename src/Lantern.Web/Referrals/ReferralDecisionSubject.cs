using Lantern.Web.Core.Access;
using Lantern.Web.Core.Organisations;
using Lantern.Web.Core.Persistence;
using Lantern.Web.Core.Reports;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Web.Referrals;

/// <summary>
/// What every referral decision of the central team (refer, dismiss a proposal, propose again) starts with: the
/// report as the member sees it (404 otherwise), the permission <see cref="Permissions.ManageReferrals"/> (403),
/// and the organisation named by its code (400 when unknown).
/// </summary>
public sealed class ReferralDecisionSubject(ReportScope scope, LanternDbContext db)
{
    /// <summary>The report (tracked) and the organisation a decision is about.</summary>
    public sealed record Found(Report Report, Organisation Organisation);

    public async Task<(Found? Subject, ReportActionResult? Refused)> FindAsync(
        StaffMember member, string? reference, string? organisationCode, CancellationToken cancellationToken)
    {
        var normalised = ReportReferences.Normalise(reference);
        var report = normalised is null ? null : await scope.VisibleTo(member).FirstOrDefaultAsync(r => r.Reference == normalised, cancellationToken);
        if (report is null)
        {
            return (null, ReportActionResult.NotFound());
        }

        if (!member.Can(Permissions.ManageReferrals))
        {
            return (null, ReportActionResult.Forbidden());
        }

        var organisation = string.IsNullOrWhiteSpace(organisationCode)
            ? null
            : await db.Organisations.FirstOrDefaultAsync(o => o.Code == organisationCode.Trim(), cancellationToken);
        return organisation is null
            ? (null, ReportActionResult.Invalid("staff.referrals.error.organisation"))
            : (new Found(report, organisation), null);
    }
}

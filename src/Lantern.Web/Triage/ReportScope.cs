using Lantern.Web.Accounts;
using Lantern.Web.Accounts.SignIn;
using Lantern.Web.Platform.Persistence;
using Lantern.Web.Referrals;
using Lantern.Web.Reporting;
using Microsoft.Extensions.Options;

namespace Lantern.Web.Triage;

/// <summary>
/// The reports a staff member may see at all. The central team (permission <see cref="Permissions.ReadReports"/>)
/// sees every report; a partner caseworker only those referred to their organisation whose referral still opens them
/// (<see cref="ReferralStates.OpensReport"/>: not withdrawn, not declined, not closed longer ago than
/// <see cref="ReferralOptions.ClosedAccessDays"/>); anyone else none. Every page and endpoint that finds a report goes
/// through here, so an out-of-scope report is simply not found (404).
/// </summary>
public sealed class ReportScope(LanternDbContext db, TimeProvider clock, IOptions<ReferralOptions> options)
{
    public IQueryable<Report> VisibleTo(StaffMember member)
    {
        if (member.Can(Permissions.ReadReports))
        {
            return db.Reports;
        }

        if (member.Can(Permissions.ReadReferredReports))
        {
            var referrals = ReferralsTo(member);
            return db.Reports.Where(r => referrals.Any(f => f.ReportId == r.Id));
        }

        return db.Reports.Where(_ => false);
    }

    /// <summary>
    /// The referrals that open reports to the member as a partner caseworker: those to their organisation that
    /// <see cref="ReferralStates.OpensReport"/> now; none without an organisation. Every partner-side check of a
    /// referral starts here, so access ends everywhere at the same moment.
    /// </summary>
    public IQueryable<Referral> ReferralsTo(StaffMember member)
    {
        if (member.OrganisationId is not { } organisation)
        {
            return db.Referrals.Where(_ => false);
        }

        var closedBefore = clock.GetUtcNow().UtcDateTime.AddDays(-options.Value.ClosedAccessDays);
        return db.Referrals.Where(ReferralStates.OpensReport(closedBefore)).Where(f => f.OrganisationId == organisation);
    }

    /// <summary>Whether the member sees the report only through a referral (and so only what the referral shares).</summary>
    public static bool IsPartnerView(StaffMember member) => !member.Can(Permissions.ReadReports);
}

using Lantern.Web.Accounts;
using Lantern.Web.Accounts.SignIn;
using Lantern.Web.Platform.Persistence;
using Lantern.Web.Referrals;
using Lantern.Web.Reporting;

namespace Lantern.Web.Triage;

/// <summary>
/// The reports a staff member may see at all. The central team (permission <see cref="Permissions.ReadReports"/>)
/// sees every report; a partner caseworker only those referred to their organisation (and not withdrawn since); anyone else none. Every
/// page and endpoint that finds a report goes through here, so an out-of-scope report is simply not found (404).
/// </summary>
public sealed class ReportScope(LanternDbContext db)
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
    /// The referrals that open reports to the member as a partner caseworker: the live ones (not withdrawn) to
    /// their organisation; none without an organisation. Every partner-side check of a referral starts here.
    /// </summary>
    public IQueryable<Referral> ReferralsTo(StaffMember member) =>
        member.OrganisationId is { } organisation
            ? db.Referrals.Where(ReferralStates.IsLive).Where(f => f.OrganisationId == organisation)
            : db.Referrals.Where(_ => false);

    /// <summary>Whether the member sees the report only through a referral (and so only what the referral shares).</summary>
    public static bool IsPartnerView(StaffMember member) => !member.Can(Permissions.ReadReports);
}

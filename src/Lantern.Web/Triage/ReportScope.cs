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

        if (member.Can(Permissions.ReadReferredReports) && member.OrganisationId is { } organisation)
        {
            return db.Reports.Where(r => db.Referrals.Any(f => f.ReportId == r.Id && f.OrganisationId == organisation && f.State != ReferralStates.Withdrawn));
        }

        return db.Reports.Where(_ => false);
    }

    /// <summary>Whether the member sees the report only through a referral (and so only what the referral shares).</summary>
    public static bool IsPartnerView(StaffMember member) => !member.Can(Permissions.ReadReports);
}

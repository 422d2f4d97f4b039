namespace Lantern.Web.Core.Access;

/// <summary>
/// The reports a staff member may see at all. The central team (permission <see cref="Permissions.ReadReports"/>)
/// sees every report; a partner caseworker only those a capability opens to their organisation
/// (<see cref="IReportGrants"/>: a referral that still opens the report); anyone else none. Every page and endpoint
/// that finds a report goes through here, so an out-of-scope report is simply not found (404).
/// </summary>
public sealed class ReportScope(LanternDbContext db, IReportGrants grants)
{
    public IQueryable<Report> VisibleTo(StaffMember member)
    {
        if (member.Can(Permissions.ReadReports))
        {
            return db.Reports;
        }

        if (member.Can(Permissions.ReadReferredReports))
        {
            var granted = grants.ReportsOpenTo(member);
            return db.Reports.Where(r => granted.Any(id => id == r.Id));
        }

        return db.Reports.Where(_ => false);
    }

    /// <summary>Whether the member sees the report only through a referral (and so only what the referral shares).</summary>
    public static bool IsPartnerView(StaffMember member) => !member.Can(Permissions.ReadReports);
}

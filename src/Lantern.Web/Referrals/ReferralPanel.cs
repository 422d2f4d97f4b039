using Lantern.Web.Referrals.Routing;

namespace Lantern.Web.Referrals;

/// <summary>
/// Loads the referral section of a report for the central team (callers have already opened the report through
/// <c>OpenReport</c>, which checked the scope and audited the read).
/// </summary>
public sealed class ReferralPanel(LanternDbContext db, RoutingEngine routing, ReferralQueries queries, ReferralItems items)
{
    public async Task<ReferralPanelData> LoadAsync(string reference, CancellationToken cancellationToken)
    {
        var reportId = await db.Reports.Where(r => r.Reference == reference).Select(r => r.Id).SingleAsync(cancellationToken);
        var referrals = await queries.ForReportAsync(reportId, cancellationToken);
        var updates = await items.ReadAsync(reportId, [.. referrals.Select(r => r.Id)], cancellationToken);
        var proposals = await routing.ProposeAsync(reportId, cancellationToken);
        var dismissed = await (
                from d in db.ReferralDismissals.Where(d => d.ReportId == reportId)
                join o in db.Organisations on d.OrganisationId equals o.Id
                join u in db.Users on d.DismissedById equals u.Id into deciders
                from u in deciders.DefaultIfEmpty()
                orderby d.DismissedAt
                select new DismissedProposal(o.Code, o.Name, d.RuleName, d.DismissedAt, u == null ? null : u.Email))
            .ToListAsync(cancellationToken);
        var organisations = await db.Organisations.AsNoTracking().Where(o => o.Kind != "contact-point").OrderBy(o => o.SortOrder).ToListAsync(cancellationToken);
        return new ReferralPanelData(proposals, dismissed, referrals, updates, organisations);
    }
}

using Lantern.Web.Platform.Persistence;
using Lantern.Web.Referrals.Organisations;
using Lantern.Web.Referrals.Routing;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Web.Referrals;

/// <summary>What the contact point sees of a report's referrals: proposals, confirmed referrals and partner updates.</summary>
public sealed record ReferralPanelData(
    IReadOnlyList<ReferralProposal> Proposals,
    IReadOnlyList<ReferralRow> Referrals,
    IReadOnlyList<ReferralUpdateView> Updates,
    IReadOnlyList<Organisation> Organisations);

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
        var organisations = await db.Organisations.AsNoTracking().Where(o => o.Kind != "contact-point").OrderBy(o => o.SortOrder).ToListAsync(cancellationToken);
        return new ReferralPanelData(proposals, referrals, updates, organisations);
    }
}

using Lantern.Web.Core.Organisations;

namespace Lantern.Web.Referrals.Routing;

/// <summary>
/// Proposes referrals for a report from the enabled <see cref="RoutingRule"/>s. Proposals are computed each time
/// and never stored: a referral row, even an unconfirmed one, would already let the partner read the report
/// (<c>Lantern.Web.Core.Access.ReportScope</c>). An organisation the team has already decided on for the report (referred to, even
/// if withdrawn since, or whose proposal was dismissed: <see cref="ReferralDismissal"/>) is not proposed again; when
/// several rules point to the same organisation, the first in rule order is the one shown.
/// </summary>
public sealed class RoutingEngine(LanternDbContext db)
{
    public async Task<IReadOnlyList<ReferralProposal>> ProposeAsync(Guid reportId, CancellationToken cancellationToken)
    {
        var report = await db.Reports.AsNoTracking().Include(r => r.Forms).FirstOrDefaultAsync(r => r.Id == reportId, cancellationToken);
        if (report is null)
        {
            return [];
        }

        var rules = await db.RoutingRules.AsNoTracking().Where(r => r.Enabled).ToListAsync(cancellationToken);
        var organisations = await db.Organisations.AsNoTracking().ToListAsync(cancellationToken);
        var decided = await db.Referrals.AsNoTracking().Where(f => f.ReportId == reportId).Select(f => f.OrganisationId)
            .Concat(db.ReferralDismissals.AsNoTracking().Where(d => d.ReportId == reportId).Select(d => d.OrganisationId))
            .ToListAsync(cancellationToken);
        return Propose(rules, organisations, RoutingFacts.Of(report), decided);
    }

    public static IReadOnlyList<ReferralProposal> Propose(
        IEnumerable<RoutingRule> rules, IReadOnlyList<Organisation> organisations, RoutingFacts facts, IReadOnlyCollection<int> alreadyDecided)
    {
        var proposals = new List<ReferralProposal>();
        foreach (var rule in rules.Where(r => r.Enabled).OrderBy(r => r.SortOrder).ThenBy(r => r.Id))
        {
            if (!Matches(rule, facts))
            {
                continue;
            }

            foreach (var organisation in Targets(rule, organisations, facts.Region))
            {
                if (!alreadyDecided.Contains(organisation.Id) && proposals.All(p => p.OrganisationId != organisation.Id))
                {
                    proposals.Add(new ReferralProposal(organisation.Id, organisation.Code, organisation.Name, rule.Scope, rule.Id, rule.Name));
                }
            }
        }

        return proposals;
    }

    /// <summary>Every condition that is set must hold; a yes/no condition holds only on a known answer.</summary>
    public static bool Matches(RoutingRule rule, RoutingFacts facts) =>
        (rule.Role is null || rule.Role == facts.Role)
        && (rule.Region is null || rule.Region == facts.Region)
        && (rule.Language is null || rule.Language == facts.Language)
        && (rule.Form is null || facts.Forms.Contains(rule.Form))
        && (rule.Minor is null || (facts.Minor == true) == rule.Minor.Value)
        && (rule.ImmediateDanger is null || (facts.ImmediateDanger == true) == rule.ImmediateDanger.Value);

    /// <summary>
    /// The rule's organisation, or the organisations of its kind that serve the report's region (those naming the
    /// region first; a national one only when no regional one exists). A report without a region gets no
    /// regional organisation: the team chooses by hand.
    /// </summary>
    private static IEnumerable<Organisation> Targets(RoutingRule rule, IReadOnlyList<Organisation> organisations, string? region)
    {
        if (rule.OrganisationId is { } id)
        {
            return organisations.Where(o => o.Id == id);
        }

        if (rule.OrganisationKind is null)
        {
            return [];
        }

        var ofKind = organisations.Where(o => o.Kind == rule.OrganisationKind).OrderBy(o => o.SortOrder).ToList();
        var regional = region is null ? [] : ofKind.Where(o => Serves(o, region)).ToList();
        return regional.Count > 0 ? regional : ofKind.Where(o => Serves(o, "national"));
    }

    private static bool Serves(Organisation organisation, string region) =>
        organisation.Regions.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Contains(region, StringComparer.Ordinal);
}

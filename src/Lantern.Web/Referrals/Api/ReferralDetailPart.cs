namespace Lantern.Web.Referrals.Api;

/// <summary>
/// The report detail's referral properties (<c>referrals</c>, <c>proposedReferrals</c>, <c>dismissedProposals</c>),
/// for the central team only: which organisations a report went to is the contact point's business, not another
/// partner's.
/// </summary>
public sealed class ReferralDetailPart(ReferralPanel referrals, TimeProvider clock) : IReportDetailPart
{
    public IReadOnlyDictionary<string, Type> Properties { get; } = new Dictionary<string, Type>
    {
        ["referrals"] = typeof(IReadOnlyList<ReferralSummary>),
        ["proposedReferrals"] = typeof(IReadOnlyList<ProposedReferral>),
        ["dismissedProposals"] = typeof(IReadOnlyList<DismissedReferral>),
    };

    public async Task AddAsync(ReportView view, IDictionary<string, object> detail, CancellationToken cancellationToken)
    {
        if (view.PartnerView)
        {
            return;
        }

        var panel = await referrals.LoadAsync(view.Reference, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        detail["referrals"] = panel.Referrals.Select(r => ReferralsApi.ToSummary(r, now)).ToList();
        detail["proposedReferrals"] = panel.Proposals.Select(p => new ProposedReferral(p.OrganisationCode, p.OrganisationName, p.Scope, p.RuleId, p.RuleName)).ToList();
        detail["dismissedProposals"] = panel.Dismissed.Select(ReferralsApi.ToDismissed).ToList();
    }
}

using Lantern.Web.Core.Organisations;
using Lantern.Web.Referrals.Routing;

namespace Lantern.Web.Referrals;

/// <summary>What the contact point sees of a report's referrals: proposals (followed or dismissed), referrals and their updates.</summary>
public sealed record ReferralPanelData(
    IReadOnlyList<ReferralProposal> Proposals,
    IReadOnlyList<DismissedProposal> Dismissed,
    IReadOnlyList<ReferralRow> Referrals,
    IReadOnlyList<ReferralUpdateView> Updates,
    IReadOnlyList<Organisation> Organisations);

namespace Lantern.Web.Referrals.Routing;

/// <summary>A referral the rules propose: to whom, with which scope, and which rule proposed it.</summary>
public sealed record ReferralProposal(int OrganisationId, string OrganisationCode, string OrganisationName, string Scope, int RuleId, string RuleName);

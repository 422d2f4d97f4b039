namespace Lantern.Web.Referrals.Api;

/// <summary>A referral the routing rules propose (not stored until confirmed).</summary>
public sealed record ProposedReferral(string Organisation, string OrganisationName, string Scope, int RuleId, string Rule);

namespace Lantern.Web.Referrals;

/// <summary>A routing proposal the team decided not to follow, and who decided it.</summary>
public sealed record DismissedProposal(string OrganisationCode, string OrganisationName, string RuleName, DateTime DismissedAt, string? DismissedBy);

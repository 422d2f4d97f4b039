namespace Lantern.Web.Referrals.Api;

/// <summary>A proposal the central team decided not to follow (recorded and audited).</summary>
public sealed record DismissedReferral(string Organisation, string OrganisationName, string Rule, DateTime DismissedAt, string? DismissedBy);

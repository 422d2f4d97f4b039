namespace Lantern.Web.Statistics.Figures;

/// <summary>Referrals of a period for one organisation in one state (and outcome, once closed).</summary>
public sealed record ReferralCount(int OrganisationId, string State, string? Outcome, long Count);

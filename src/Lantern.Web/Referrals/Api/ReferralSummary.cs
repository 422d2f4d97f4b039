namespace Lantern.Web.Referrals.Api;

/// <summary>A referral as the API returns it (no report content).</summary>
public sealed record ReferralSummary(
    Guid Id,
    string Report,
    string Organisation,
    string OrganisationName,
    string Scope,
    string State,
    DateTime CreatedAt,
    DateTime DueAt,
    bool Overdue,
    DateTime? AcknowledgedAt,
    DateTime? RespondedAt,
    DateTime? ClosedAt,
    string? Outcome,
    string? Rule,
    DateTime? PartnerUpdatedAt,
    DateTime? WithdrawnAt);

namespace Lantern.Web.Referrals;

/// <summary>A referral as lists and pages show it (coded fields only, no report content).</summary>
public sealed record ReferralRow(
    Guid Id,
    string Reference,
    string OrganisationCode,
    string OrganisationName,
    string Scope,
    string State,
    DateTime CreatedAt,
    DateTime DueAt,
    DateTime? AcknowledgedAt,
    DateTime? RespondedAt,
    DateTime? ClosedAt,
    string? Outcome,
    string? RuleName,
    DateTime? PartnerUpdatedAt,
    bool? ImmediateDanger,
    DateTime? WithdrawnAt)
{
    /// <summary>Not acknowledged although its deadline has passed.</summary>
    public bool IsOverdue(DateTime now) => State == ReferralStates.Sent && DueAt < now;
}

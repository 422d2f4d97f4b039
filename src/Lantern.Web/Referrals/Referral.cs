namespace Lantern.Web.Referrals;

/// <summary>
/// A report handed to a partner organisation. Its existence is what lets that organisation's caseworkers see
/// the report at all (every other report answers 404 to them); the scope says how much of it they see.
/// </summary>
public sealed class Referral
{
    public Guid Id { get; set; }

    public Guid ReportId { get; set; }

    public int OrganisationId { get; set; }

    /// <summary>See <see cref="ReferralScopes"/>.</summary>
    public required string Scope { get; set; }

    /// <summary>See <see cref="ReferralStates"/>.</summary>
    public required string State { get; set; }

    /// <summary>When the referral was confirmed and sent.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>Who confirmed (or added) the referral.</summary>
    public Guid? CreatedById { get; set; }

    /// <summary>The routing rule that proposed the referral; null when a person added it by hand.</summary>
    public int? RuleId { get; set; }

    /// <summary>The rule's name when it proposed the referral, kept even if the rule is later edited or removed.</summary>
    public string? RuleName { get; set; }

    /// <summary>When the partner must have acknowledged the referral (24 hours, 1 hour with immediate danger by default).</summary>
    public DateTime DueAt { get; set; }

    public DateTime? AcknowledgedAt { get; set; }

    /// <summary>When the partner accepted or declined.</summary>
    public DateTime? RespondedAt { get; set; }

    public DateTime? ClosedAt { get; set; }

    /// <summary>The outcome code the partner recorded when closing.</summary>
    public string? Outcome { get; set; }

    /// <summary>When the partner last added an update, so the contact point sees that something is new.</summary>
    public DateTime? PartnerUpdatedAt { get; set; }

    /// <summary>When the contact point withdrew the referral (state <see cref="ReferralStates.Withdrawn"/>).</summary>
    public DateTime? WithdrawnAt { get; set; }

    /// <summary>Who withdrew it.</summary>
    public Guid? WithdrawnById { get; set; }
}

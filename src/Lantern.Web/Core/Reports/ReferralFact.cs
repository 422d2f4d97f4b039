namespace Lantern.Web.Core.Reports;

/// <summary>
/// One referral as the statistics see it: codes and dates only, nothing a person wrote. Settable properties (not a
/// positional record) so EF Core can keep composing a query over the projection (GROUP BY, Min) in the database.
/// </summary>
public sealed class ReferralFact
{
    public Guid ReportId { get; init; }

    /// <summary>When the report the referral belongs to was received: the statistics' period is the report's.</summary>
    public DateTime ReportReceivedAt { get; init; }

    public int OrganisationId { get; init; }

    /// <summary>The referral's state code (<c>sent</c>, <c>acknowledged</c>, <c>accepted</c>, <c>declined</c>, <c>closed</c>, <c>withdrawn</c>).</summary>
    public required string State { get; init; }

    /// <summary>Sent, and the partner has not acknowledged it yet: overdue once <see cref="DueAt"/> has passed.</summary>
    public bool AwaitingAcknowledgement { get; init; }

    /// <summary>Withdrawn by the contact point: it does not count as a referral made.</summary>
    public bool Withdrawn { get; init; }

    /// <summary>When the contact point sent the referral (proposals are computed, never stored, so they have no date).</summary>
    public DateTime SentAt { get; init; }

    /// <summary>When the partner had to acknowledge it (the referral deadline, set when it was sent).</summary>
    public DateTime DueAt { get; init; }

    public DateTime? AcknowledgedAt { get; init; }

    /// <summary>When the partner accepted or declined.</summary>
    public DateTime? AnsweredAt { get; init; }

    public DateTime? ClosedAt { get; init; }

    /// <summary>The outcome code the partner recorded when closing.</summary>
    public string? Outcome { get; init; }
}

namespace Lantern.Web.Core.Reports;

/// <summary>
/// A report opened for one staff member: its coded fields, its decrypted content as far as the member may
/// read it, and the internal notes when the member belongs to the central team.
/// </summary>
public sealed record ReportView
{
    public required string Reference { get; init; }

    public required DateTime ReceivedAt { get; init; }

    public required string Channel { get; init; }

    public required string Role { get; init; }

    public required string Language { get; init; }

    public required string Country { get; init; }

    public string? Region { get; init; }

    public bool? ImmediateDanger { get; init; }

    public bool? MinorsInvolved { get; init; }

    public bool ContactRequested { get; init; }

    public int UrgencyLevel { get; init; }

    public required IReadOnlyList<string> UrgencyReasons { get; init; }

    public required string Status { get; init; }

    public DateTime? StatusChangedAt { get; init; }

    public DateTime? AcknowledgedAt { get; init; }

    public string? Outcome { get; init; }

    /// <summary>Null in a partner view, like <see cref="AssignedToEmail"/> and <see cref="CaseReference"/>.</summary>
    public Guid? AssignedToId { get; init; }

    public string? AssignedToEmail { get; init; }

    public string? CaseReference { get; init; }

    public bool? InterpreterUsed { get; init; }

    public int? CallMinutes { get; init; }

    public required IReadOnlyList<string> Forms { get; init; }

    public required IReadOnlyList<string> Signs { get; init; }

    /// <summary>What the reporter said; <see cref="ReportContent.Contact"/> is removed when the referral withholds it.</summary>
    public required ReportContent Content { get; init; }

    /// <summary>The reporter gave contact details that this member may not see (referral scope <c>without-contact</c>).</summary>
    public bool ContactWithheld { get; init; }

    /// <summary>The member sees the report through a referral to their organisation, not as the central team.</summary>
    public bool PartnerView { get; init; }

    /// <summary>The referral's scope in a partner view; null for the central team.</summary>
    public string? ReferralScope { get; init; }

    /// <summary>Internal notes, oldest first; null in a partner view, which never shows them.</summary>
    public IReadOnlyList<ReportNote>? Notes { get; init; }
}

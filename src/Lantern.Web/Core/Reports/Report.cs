namespace Lantern.Web.Core.Reports;

/// <summary>
/// A stored report. Only coded, non-identifying fields are plaintext (they drive triage and statistics);
/// everything a person wrote lives encrypted in <see cref="Items"/> under the report's data key.
/// </summary>
public sealed class Report
{
    public Guid Id { get; set; }

    /// <summary>The public reference, e.g. <c>LT-4F7K-9QXM</c>: not secret, enough to talk about a report.</summary>
    public required string Reference { get; set; }

    public DateTime ReceivedAt { get; set; }

    public required string Channel { get; set; }

    public required string Role { get; set; }

    public required string Language { get; set; }

    public required string Country { get; set; }

    /// <summary>Region code derived from the postcode (e.g. <c>BE-BRU</c>); the postcode itself is encrypted.</summary>
    public string? Region { get; set; }

    /// <summary>Null when the reporter did not know.</summary>
    public bool? ImmediateDanger { get; set; }

    public bool? MinorsInvolved { get; set; }

    public bool ContactRequested { get; set; }

    public int UrgencyLevel { get; set; }

    /// <summary>Comma-separated codes of the answers that raised the urgency, so the inbox can explain it.</summary>
    public required string UrgencyReasons { get; set; }

    public required string Status { get; set; }

    /// <summary>When the status last changed (null while the report is new and untouched).</summary>
    public DateTime? StatusChangedAt { get; set; }

    /// <summary>When a person of the team first acted on the report; the acknowledgement deadline is met then.</summary>
    public DateTime? AcknowledgedAt { get; set; }

    /// <summary>The outcome code recorded when the report was closed (see <see cref="ReportOutcomes"/>).</summary>
    public string? Outcome { get; set; }

    /// <summary>The staff member the report is assigned to.</summary>
    public Guid? AssignedToId { get; set; }

    /// <summary>The case grouping this report with others, if any.</summary>
    public Guid? CaseId { get; set; }

    /// <summary>The staff member who recorded the report (phone operator, professional); null when the public sent it.</summary>
    public Guid? RecordedById { get; set; }

    /// <summary>The organisation under whose name a professional registered the case.</summary>
    public int? OrganisationId { get; set; }

    /// <summary>Phone intake: whether an interpreter took part in the call.</summary>
    public bool? InterpreterUsed { get; set; }

    /// <summary>Phone intake: the length of the call in minutes.</summary>
    public int? CallMinutes { get; set; }

    /// <summary>When the reporter last added something in follow-up (a message, a file, contact details).</summary>
    public DateTime? ReporterActiveAt { get; set; }

    /// <summary>When the reporter last opened the thread, so messages written since can be marked new.</summary>
    public DateTime? ReporterSeenAt { get; set; }

    /// <summary>The reporter added something the team has not opened yet (the inbox marks it).</summary>
    public bool UnreadFromReporter { get; set; }

    /// <summary>When the team sent its first personal message (the automatic acknowledgement does not count).</summary>
    public DateTime? FirstReplyAt { get; set; }

    /// <summary>Keyed verifier of the receipt (never the receipt); unique, it also finds the report at sign-in.</summary>
    public required byte[] ReceiptVerifier { get; set; }

    /// <summary>The id of the staff key the data key is sealed to.</summary>
    public required string StaffKeyId { get; set; }

    public required byte[] SealedDataKey { get; set; }

    public required byte[] ReceiptWrappedKey { get; set; }

    public List<ReportForm> Forms { get; set; } = [];

    public List<ReportSign> Signs { get; set; } = [];

    public List<ReportItem> Items { get; set; } = [];
}

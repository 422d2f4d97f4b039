namespace Lantern.Web.Triage.Inbox;

/// <summary>
/// One report in the inbox: coded, non-identifying fields only (nothing the reporter wrote), so listing the inbox
/// reads no report content.
/// </summary>
public sealed record InboxRow(
    string Reference,
    DateTime ReceivedAt,
    string Channel,
    string Role,
    string Language,
    string? Region,
    int UrgencyLevel,
    IReadOnlyList<string> UrgencyReasons,
    bool? ImmediateDanger,
    bool? MinorsInvolved,
    string Status,
    string? AssignedTo,
    DateTime? AcknowledgedAt,
    DateTime AcknowledgeBy,
    bool Overdue,
    bool UnreadFromReporter,
    DateTime? FirstReplyAt,
    DateTime FirstReplyDue,
    bool FirstReplyOverdue);

namespace Lantern.Web.FollowUp.Staff.Api;

/// <summary>The reporter thread as the central team reads it: first-reply deadline, messages both ways (oldest first) and contact changes.</summary>
public sealed record StaffThreadDto(
    string Reference,
    DateTime ReceivedAt,
    DateTime? ReporterActiveAt,
    DateTime? FirstReplyAt,
    DateTime FirstReplyDue,
    bool FirstReplyOverdue,
    IReadOnlyList<StaffThreadMessageDto> Messages,
    IReadOnlyList<ContactChangeDto> ContactChanges);

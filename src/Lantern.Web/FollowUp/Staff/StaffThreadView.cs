namespace Lantern.Web.FollowUp.Staff;

/// <summary>The reporter thread on the report page.</summary>
public sealed record StaffThreadView(
    string Reference,
    string Language,
    string TemplateLanguage,
    DateTime ReceivedAt,
    DateTime? ReporterActiveAt,
    DateTime? FirstReplyAt,
    DateTime FirstReplyDue,
    bool FirstReplyOverdue,
    bool CanSend,
    IReadOnlyList<StaffThreadMessage> Messages,
    IReadOnlyList<StaffContactChange> ContactChanges);

namespace Lantern.Web.FollowUp.Thread;

/// <summary>What the reporter's thread page and <c>GET /api/v1/followup/thread</c> show.</summary>
public sealed record ReporterThreadView(
    string Reference,
    DateTime ReceivedAt,
    string Status,
    bool ContactRequested,
    IReadOnlyList<ReporterMessage> Messages);

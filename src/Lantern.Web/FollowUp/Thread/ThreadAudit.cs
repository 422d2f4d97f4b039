namespace Lantern.Web.FollowUp.Thread;

/// <summary>Who sends a message or file in the thread and on which report, for its audit entries.</summary>
public sealed record ThreadAudit(string Actor, string Reference);

namespace Lantern.Web.Audit.Browse;

/// <summary>One line as the audit page shows it: the actor's e-mail address resolved when the actor is an account.</summary>
public sealed record AuditLine(long Sequence, DateTime At, string Actor, string? ActorEmail, string Action, string Record, string Detail);

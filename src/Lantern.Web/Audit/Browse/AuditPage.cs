namespace Lantern.Web.Audit.Browse;

/// <summary>A page of lines, newest first, and where the next (older) page starts.</summary>
public sealed record AuditPage(IReadOnlyList<AuditLine> Lines, long? NextBefore);

namespace Lantern.Web.Retention;

/// <summary>A report due for erasure: which, under which rule, closed when. Nothing of its content.</summary>
public sealed record DueReport(Guid Id, string Reference, string Rule, DateTime? ClosedAt);

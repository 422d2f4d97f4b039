namespace Lantern.Web.Detection.Links;

/// <summary>A report that shares at least one linking detail with another, as the reader may see it.</summary>
public sealed record LinkedReport(Guid Id, string Reference, DateTime ReceivedAt, string Status, Guid? CaseId, IReadOnlyList<SharedEntity> Shared);

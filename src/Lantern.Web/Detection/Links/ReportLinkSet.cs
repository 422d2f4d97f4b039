namespace Lantern.Web.Detection.Links;

/// <summary>A report's details by blind index, and the reports (the reader may see) that share a linking one.</summary>
public sealed record ReportLinkSet(Guid ReportId, IReadOnlyList<SharedEntity> Entities, IReadOnlyList<LinkedReport> Links);

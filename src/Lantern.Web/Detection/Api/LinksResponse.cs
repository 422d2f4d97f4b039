namespace Lantern.Web.Detection.Api;

/// <summary>The body of <c>GET /api/v1/reports/{reference}/links</c>.</summary>
public sealed record LinksResponse(IReadOnlyList<LinkSummary> Links);

namespace Lantern.Web.Detection.Api;

/// <summary>A linked report in <c>GET /api/v1/reports/{reference}/links</c>, with what it shares.</summary>
public sealed record LinkSummary(string Reference, DateTime ReceivedAt, string Status, IReadOnlyList<SharedValue> Shared);

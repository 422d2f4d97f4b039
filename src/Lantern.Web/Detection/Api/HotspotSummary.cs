namespace Lantern.Web.Detection.Api;

/// <summary>A detail found in many reports within the period: its value (from the most recent report) and those reports.</summary>
public sealed record HotspotSummary(string Kind, string? Value, int Reports, bool Unlinked, IReadOnlyList<string> References);

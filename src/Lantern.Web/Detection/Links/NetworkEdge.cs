namespace Lantern.Web.Detection.Links;

/// <summary>A report holds a detail.</summary>
public sealed record NetworkEdge(string Report, string Entity);

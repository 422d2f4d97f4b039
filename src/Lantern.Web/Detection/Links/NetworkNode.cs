namespace Lantern.Web.Detection.Links;

/// <summary>A node of a report's network: a report (<see cref="Kind"/> <c>report</c>) or a detail, at <see cref="Hop"/> rings from the centre.</summary>
public sealed record NetworkNode(string Id, string Kind, string Label, int Hop);

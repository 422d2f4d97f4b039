namespace Lantern.Web.Detection.Links;

/// <summary>A report's network: nodes ring by ring (0 the report, 1 its details, 2 their reports, 3 their details, 4 theirs).</summary>
public sealed record ReportNetworkView(IReadOnlyList<NetworkNode> Nodes, IReadOnlyList<NetworkEdge> Edges, bool Truncated);

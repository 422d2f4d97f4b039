namespace Lantern.Web.Detection.Links;

/// <summary>
/// A report's network two hops out: its linking details, the reports sharing them, their other linking details and
/// the reports sharing those; only reports the member may see. A detail shows its value when it is one of the opened
/// report's (the values given, by blind index); others show their kind and a number, since reading their value
/// would mean opening reports the reader did not open. At most <see cref="MaxReports"/> reports.
/// </summary>
public sealed class ReportNetwork(LanternDbContext db, ReportLinks links)
{
    public const int MaxReports = 40;

    public async Task<ReportNetworkView> BuildAsync(StaffMember member, Guid reportId, string reference, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
    {
        var nodes = new Dictionary<string, NetworkNode>(StringComparer.Ordinal) { ["r:" + reference] = new("r:" + reference, "report", reference, 0) };
        var edges = new HashSet<NetworkEdge>();
        var reportIds = new Dictionary<Guid, string> { [reportId] = "r:" + reference };
        var frontier = new List<Guid> { reportId };
        var truncated = false;
        var unnamed = 0;
        for (var hop = 1; hop <= 2 && frontier.Count > 0; hop++)
        {
            var entries = await db.EntityIndex.AsNoTracking().Where(e => frontier.Contains(e.ReportId))
                .Select(e => new { e.ReportId, e.Kind, e.Hash }).ToListAsync(cancellationToken);
            var next = new HashSet<Guid>();
            foreach (var group in entries.GroupBy(e => e.Kind + ":" + Convert.ToHexStringLower(e.Hash)))
            {
                var first = group.First();
                var (entity, holders) = await links.ProbeAsync(first.Kind, first.Hash, cancellationToken);
                if (!entity.Links || holders.Count < 2)
                {
                    continue;
                }

                var entityId = "e:" + group.Key;
                if (!nodes.ContainsKey(entityId))
                {
                    var label = values.GetValueOrDefault(entity.HashText) ?? "#" + (++unnamed).ToString(CultureInfo.InvariantCulture);
                    nodes[entityId] = new NetworkNode(entityId, entity.Kind, label, (2 * hop) - 1);
                }

                foreach (var holder in holders)
                {
                    if (!reportIds.ContainsKey(holder))
                    {
                        next.Add(holder);
                    }
                }

                foreach (var entry in group)
                {
                    edges.Add(new NetworkEdge(reportIds[entry.ReportId], entityId));
                }
            }

            var room = MaxReports - reportIds.Count;
            var visible = await links.VisibleAsync(member, next, cancellationToken);
            truncated |= visible.Count > room;
            frontier = [];
            foreach (var (id, report) in visible.OrderByDescending(v => v.Value.ReceivedAt).Take(Math.Max(room, 0)))
            {
                var nodeId = "r:" + report.Reference;
                reportIds[id] = nodeId;
                nodes[nodeId] = new NetworkNode(nodeId, "report", report.Reference, 2 * hop);
                frontier.Add(id);
            }

            // Edges from the newly reached reports to the details that reached them.
            var reached = frontier.ToList();
            if (reached.Count > 0)
            {
                var back = await db.EntityIndex.AsNoTracking().Where(e => reached.Contains(e.ReportId))
                    .Select(e => new { e.ReportId, e.Kind, e.Hash }).ToListAsync(cancellationToken);
                foreach (var entry in back)
                {
                    var entityId = "e:" + entry.Kind + ":" + Convert.ToHexStringLower(entry.Hash);
                    if (nodes.ContainsKey(entityId))
                    {
                        edges.Add(new NetworkEdge(reportIds[entry.ReportId], entityId));
                    }
                }
            }
        }

        // A detail whose only reports the reader may not see leads nowhere: it is left out.
        var linked = edges.GroupBy(e => e.Entity).Where(g => g.Count() >= 2).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var kept = nodes.Values.Where(n => n.Kind == "report" || linked.Contains(n.Id)).OrderBy(n => n.Hop).ThenBy(n => n.Label, StringComparer.Ordinal).ToList();
        return new ReportNetworkView(kept, [.. edges.Where(e => linked.Contains(e.Entity))], truncated);
    }
}

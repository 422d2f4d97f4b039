namespace Lantern.Web.Detection.Links;

/// <summary>
/// Details seen in <c>min</c> or more reports received since a date, per kind, most reports first. The index holds no
/// value, so each hotspot's value is read from its most recent report, opened for the coordinator (and audited as a
/// read of that report, like any other).
/// </summary>
public sealed class Hotspots(LanternDbContext db, OpenReport open, EntityIndexer indexer)
{
    public const int MaxHotspots = 50;

    public const int MaxReferences = 100;

    public async Task<IReadOnlyList<Hotspot>> FindAsync(StaffMember member, string? kind, DateTime since, int min, CancellationToken cancellationToken)
    {
        var rows = db.EntityIndex.AsNoTracking().Where(e => kind == null || e.Kind == kind)
            .Join(db.Reports.Where(r => r.ReceivedAt >= since), e => e.ReportId, r => r.Id, (e, r) => e);
        var groups = await rows.GroupBy(e => new { e.Kind, e.Hash })
            .Select(g => new { g.Key.Kind, g.Key.Hash, Count = g.Count() })
            .Where(g => g.Count >= min)
            .OrderByDescending(g => g.Count).ThenBy(g => g.Kind)
            .Take(MaxHotspots).ToListAsync(cancellationToken);
        var hotspots = new List<Hotspot>();
        foreach (var group in groups)
        {
            var references = await db.EntityIndex.AsNoTracking().Where(e => e.Kind == group.Kind && e.Hash == group.Hash)
                .Join(db.Reports.Where(r => r.ReceivedAt >= since), e => e.ReportId, r => r.Id, (e, r) => r)
                .OrderByDescending(r => r.ReceivedAt).Select(r => r.Reference).Take(MaxReferences).ToListAsync(cancellationToken);
            var unlinked = await db.UnlinkedEntities.AnyAsync(u => u.Kind == group.Kind && u.Hash == group.Hash, cancellationToken);
            hotspots.Add(new Hotspot(group.Kind, group.Hash, group.Count, unlinked, references, await ValueAsync(member, references, group.Hash, cancellationToken)));
        }

        return hotspots;
    }

    private async Task<string?> ValueAsync(StaffMember member, List<string> references, byte[] hash, CancellationToken cancellationToken)
    {
        if (references.Count == 0 || await open.ExecuteAsync(member, references[0], "hotspots", cancellationToken) is not { } view)
        {
            return null;
        }

        var details = await indexer.DetailsAsync(view, cancellationToken);
        return details.FirstOrDefault(d => d.Hash.AsSpan().SequenceEqual(hash)).Entity?.Value;
    }
}

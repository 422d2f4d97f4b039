namespace Lantern.Web.Detection.Links;

/// <summary>
/// The reports linked to one report: those sharing a detail's blind index with it, unless the detail is common (in
/// <see cref="DetectionOptions.CommonThreshold"/> reports or more) or marked "does not link", and only those the
/// member may see (<see cref="ReportScope"/>): a link to a report the reader may not open does not exist for them.
/// One index probe per detail of the report, each on the covering index (kind, hash, report).
/// </summary>
public sealed class ReportLinks(LanternDbContext db, ReportScope scope, IOptions<DetectionOptions> options)
{
    public async Task<ReportLinkSet?> ForAsync(StaffMember member, string reference, CancellationToken cancellationToken)
    {
        var reportId = await scope.VisibleTo(member).Where(r => r.Reference == reference).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(cancellationToken);
        return reportId is { } id ? await ForAsync(member, id, cancellationToken) : null;
    }

    public async Task<ReportLinkSet> ForAsync(StaffMember member, Guid reportId, CancellationToken cancellationToken)
    {
        var own = await db.EntityIndex.AsNoTracking().Where(e => e.ReportId == reportId)
            .Select(e => new { e.Kind, e.Hash }).ToListAsync(cancellationToken);
        var entities = new List<SharedEntity>();
        var sharedBy = new Dictionary<Guid, List<SharedEntity>>();
        foreach (var entry in own)
        {
            var (entity, holders) = await ProbeAsync(entry.Kind, entry.Hash, cancellationToken);
            entities.Add(entity);
            if (!entity.Links)
            {
                continue;
            }

            foreach (var holder in holders.Where(h => h != reportId))
            {
                (sharedBy.TryGetValue(holder, out var list) ? list : sharedBy[holder] = []).Add(entity);
            }
        }

        var ids = sharedBy.Keys.ToList();
        var visible = ids.Count == 0
            ? []
            : await scope.VisibleTo(member).AsNoTracking().Where(r => ids.Contains(r.Id))
                .Select(r => new { r.Id, r.Reference, r.ReceivedAt, r.Status, r.CaseId }).ToListAsync(cancellationToken);
        var links = visible
            .Select(r => new LinkedReport(r.Id, r.Reference, r.ReceivedAt, r.Status, r.CaseId, sharedBy[r.Id]))
            .OrderByDescending(l => l.Shared.Count).ThenByDescending(l => l.ReceivedAt).ToList();
        return new ReportLinkSet(reportId, entities, links);
    }

    /// <summary>One detail by its blind index: whether it links, and the reports holding it (none once it is common).</summary>
    public async Task<(SharedEntity Entity, IReadOnlyList<Guid> Holders)> ProbeAsync(string kind, byte[] hash, CancellationToken cancellationToken)
    {
        var threshold = options.Value.CommonThreshold;
        var unlinked = await db.UnlinkedEntities.AnyAsync(u => u.Kind == kind && u.Hash == hash, cancellationToken);

        // At most one more than the threshold: past it the value is common and its reports are not needed.
        var holders = await db.EntityIndex.AsNoTracking().Where(e => e.Kind == kind && e.Hash == hash)
            .Select(e => e.ReportId).Distinct().OrderBy(id => id).Take(threshold + 1).ToListAsync(cancellationToken);
        var entity = new SharedEntity(kind, hash, holders.Count, holders.Count >= threshold, unlinked);
        return (entity, entity.Links ? holders : []);
    }

    /// <summary>Of <paramref name="ids"/>, those the member may see, with what the pages show of them.</summary>
    public async Task<Dictionary<Guid, (string Reference, DateTime ReceivedAt, string Status, Guid? CaseId)>> VisibleAsync(StaffMember member, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var list = ids.ToList();
        var rows = await scope.VisibleTo(member).AsNoTracking().Where(r => list.Contains(r.Id))
            .Select(r => new { r.Id, r.Reference, r.ReceivedAt, r.Status, r.CaseId }).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id, r => (r.Reference, r.ReceivedAt, r.Status, r.CaseId));
    }
}

namespace Lantern.Web.Audit.Browse;

/// <summary>Searches the audit trail for the auditors' page, newest first, paged by sequence number (stays fast on long trails).</summary>
public sealed class AuditSearch(LanternDbContext db)
{
    public const int PageSize = 100;

    public async Task<AuditPage> FindAsync(AuditFilter filter, CancellationToken cancellationToken)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            var actor = filter.Actor.Trim();

            // An auditor types an e-mail address; the trail holds the account id (which outlives an address change).
            var normalised = actor.ToUpperInvariant();
            var ids = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == normalised).Select(u => u.Id).ToListAsync(cancellationToken);
            var actors = ids.Select(id => id.ToString()).Append(actor).ToList();
            query = query.Where(e => actors.Contains(e.Actor));
        }

        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            query = query.Where(e => e.Action == filter.Action.Trim());
        }

        if (!string.IsNullOrWhiteSpace(filter.Record))
        {
            query = query.Where(e => e.Record == filter.Record.Trim());
        }

        if (filter.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(e => e.At >= start);
        }

        if (filter.To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(e => e.At < end);
        }

        if (filter.Before is { } before)
        {
            query = query.Where(e => e.Sequence < before);
        }

        var entries = await query.OrderByDescending(e => e.Sequence).Take(PageSize + 1)
            .Select(e => new { e.Sequence, e.At, e.Actor, e.Action, e.Record, e.Detail })
            .ToListAsync(cancellationToken);
        var shown = entries.Take(PageSize).ToList();
        var emails = await EmailsAsync(shown.Select(e => e.Actor), cancellationToken);
        var lines = shown.Select(e => new AuditLine(e.Sequence, e.At, e.Actor, emails.GetValueOrDefault(e.Actor), e.Action, e.Record, e.Detail)).ToList();
        return new AuditPage(lines, entries.Count > PageSize ? shown[^1].Sequence : null);
    }

    /// <summary>The codes of the actions in the trail, for the filter's choices.</summary>
    public async Task<IReadOnlyList<string>> ActionsAsync(CancellationToken cancellationToken) =>
        await db.AuditEntries.AsNoTracking().Select(e => e.Action).Distinct().OrderBy(a => a).ToListAsync(cancellationToken);

    private async Task<Dictionary<string, string>> EmailsAsync(IEnumerable<string> actors, CancellationToken cancellationToken)
    {
        var ids = actors.Select(a => Guid.TryParse(a, out var id) ? id : (Guid?)null).OfType<Guid>().Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id.ToString(), u => u.Email ?? string.Empty, cancellationToken);
    }
}

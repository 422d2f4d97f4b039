using System.Text.Json;

namespace Lantern.Web.Statistics.Publication;

/// <summary>
/// Keeps each period's release as first published (<see cref="FrozenReleaseTable"/>). The first request for a period
/// that is due computes it and stores every table; every later request, on any node, reads what was stored. Of two nodes
/// freezing the same period at the same moment, the primary key lets one in and both serve that one.
/// </summary>
public sealed class FrozenReleases(LanternDbContext db, TimeProvider clock)
{
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);

    public async Task<PublicRelease> GetOrFreezeAsync(PublishedPeriod period, Func<Task<PublicRelease>> compute, CancellationToken cancellationToken)
    {
        var frozen = await ReadAsync(period, cancellationToken);
        if (frozen.Count < PublicTableDefinition.All.Length)
        {
            var release = await compute();
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var table in release.Tables.Where(t => !frozen.ContainsKey(t.Definition.Id)))
            {
                var figures = JsonSerializer.Serialize(FrozenTable.Of(table), _json);
                await db.Database.ExecuteSqlAsync(
                    $"INSERT INTO statistics_releases (\"Period\", \"TableId\", \"FrozenAt\", \"Figures\") VALUES ({period.Code}, {table.Definition.Id}, {now}, {figures}) ON CONFLICT DO NOTHING",
                    cancellationToken);
            }

            frozen = await ReadAsync(period, cancellationToken);
        }

        var tables = PublicTableDefinition.All.Select(d => frozen[d.Id]).ToList();
        return new PublicRelease(period, tables.Single(t => t.Definition == PublicTableDefinition.Total).Figures.Threshold, tables);
    }

    /// <summary>The period's frozen tables that are still published, by table id.</summary>
    private async Task<Dictionary<string, PublicTable>> ReadAsync(PublishedPeriod period, CancellationToken cancellationToken)
    {
        var rows = await db.Set<FrozenReleaseTable>().AsNoTracking().Where(t => t.Period == period.Code).ToListAsync(cancellationToken);
        return rows
            .Select(r => JsonSerializer.Deserialize<FrozenTable>(r.Figures, _json)?.ToPublicTable())
            .OfType<PublicTable>()
            .ToDictionary(t => t.Definition.Id, StringComparer.Ordinal);
    }
}

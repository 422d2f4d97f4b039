namespace Lantern.Web.Detection;

/// <summary>A report's blind indexes go with it: an erased report links to nothing and counts in no hotspot.</summary>
public sealed class EntityIndexErasure : IReportErasure
{
    public async Task EraseAsync(LanternDbContext db, Guid reportId, CancellationToken cancellationToken)
    {
        await db.EntityIndex.Where(e => e.ReportId == reportId).ExecuteDeleteAsync(cancellationToken);
        await db.IndexedReports.Where(e => e.ReportId == reportId).ExecuteDeleteAsync(cancellationToken);
    }
}

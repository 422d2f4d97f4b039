namespace Lantern.Web.FollowUp.Sessions;

/// <summary>
/// A reporter signed in to the thread of a report being erased: the session rows (the data key wrapped under the
/// session id) go in the erasure's transaction, so nothing can be read or written under it once the report is gone.
/// (The foreign key would cascade too; deleting them here says so and does not depend on it.)
/// </summary>
public sealed class ReporterSessionErasure : IReportErasure
{
    public Task EraseAsync(LanternDbContext db, Guid reportId, CancellationToken cancellationToken) =>
        db.Set<ReporterSession>().Where(s => s.ReportId == reportId).ExecuteDeleteAsync(cancellationToken);
}

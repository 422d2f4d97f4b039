namespace Lantern.Web.FollowUp.Sessions;

/// <summary>
/// A reporter signed in to the thread of a report being erased holds its data key in this process's memory: the
/// session ends and the key is zeroed, so nothing can be read or written under it once the report is gone.
/// </summary>
public sealed class ReporterSessionErasure(ReporterSessions sessions) : IReportErasure
{
    public Task EraseAsync(LanternDbContext db, Guid reportId, CancellationToken cancellationToken)
    {
        sessions.EndOthers(reportId, keep: null);
        return Task.CompletedTask;
    }
}

namespace Lantern.Web.Core.Reports;

/// <summary>
/// What a capability keeps of a report outside the core's own rows (detection's blind indexes, referrals, a reporter's
/// open session), taken away when the report is erased at the end of its retention. The core owns the question because
/// retention may not use the capabilities that hold those rows; each capability implements it for its own. Called
/// inside the erasure's transaction, after the report's data key is destroyed and before the core's rows go, so a
/// participant deletes by the report's id and must not need to read the report's content.
/// </summary>
public interface IReportErasure
{
    Task EraseAsync(LanternDbContext db, Guid reportId, CancellationToken cancellationToken);
}

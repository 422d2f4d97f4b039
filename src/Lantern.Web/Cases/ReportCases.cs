namespace Lantern.Web.Cases;

/// <summary>The case reference shown on a report (<see cref="OpenReport"/>).</summary>
public sealed class ReportCases(LanternDbContext db) : IReportCases
{
    public Task<string?> ReferenceOfAsync(Guid caseId, CancellationToken cancellationToken) =>
        db.Cases.AsNoTracking().Where(c => c.Id == caseId).Select(c => c.Reference).FirstOrDefaultAsync(cancellationToken);
}

namespace Lantern.Web.Core.Reports;

/// <summary>
/// Grouping a report into a case, as the report page offers it; the Cases capability carries it out (checks,
/// audit). Each call finds the report the member may act on first, and answers with the use case's outcome.
/// </summary>
public interface IReportGrouping
{
    Task<Outcome> CreateCaseAsync(StaffMember member, string? reference, CancellationToken cancellationToken);

    Task<Outcome> AddToCaseAsync(StaffMember member, string? reference, string? caseReference, CancellationToken cancellationToken);

    Task<Outcome> RemoveFromCaseAsync(StaffMember member, string? reference, CancellationToken cancellationToken);
}

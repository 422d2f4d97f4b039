namespace Lantern.Web.Core.Reports;

/// <summary>The case a report belongs to, as the Cases capability knows it (the core never names a case).</summary>
public interface IReportCases
{
    /// <summary>The reference of the case, or null when there is none.</summary>
    Task<string?> ReferenceOfAsync(Guid caseId, CancellationToken cancellationToken);
}

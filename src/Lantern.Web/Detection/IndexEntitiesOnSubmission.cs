namespace Lantern.Web.Detection;

/// <summary>A new report's identifying details become blind index entries, written in the report's own transaction.</summary>
public sealed class IndexEntitiesOnSubmission(EntityIndexer indexer) : IReportSubmissionContributor
{
    public IEnumerable<object> RowsFor(Report report, ReportContent content) => indexer.RowsFor(report.Id, content, report.Country);
}

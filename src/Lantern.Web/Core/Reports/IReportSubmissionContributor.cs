namespace Lantern.Web.Core.Reports;

/// <summary>
/// Something another capability stores with every new report, in the report's own transaction (detection's blind
/// indexes of the identifying details): the report is written whole with these rows, or nothing is. The intake calls
/// each registered contributor while it still holds the answers in plaintext, so a contributor derives what it needs
/// there and then; it must keep nothing of the answers in memory or in its rows.
/// </summary>
public interface IReportSubmissionContributor
{
    /// <summary>The rows (entities of the contributor's own model) to add with <paramref name="report"/>.</summary>
    IEnumerable<object> RowsFor(Report report, ReportContent content);
}

namespace Lantern.Web.Core.Reports;

/// <summary>
/// Properties another capability adds to the staff API's report detail (<c>GET /api/v1/reports/{reference}</c>):
/// the report's referrals from Referrals, its identifying details from Detection. Triage, which answers the request,
/// knows none of them; each part is asked in turn after the report was opened (scope checked, read audited).
/// </summary>
public interface IReportDetailPart
{
    /// <summary>The properties the part may add, by JSON name, with the type of each (for the OpenAPI document).</summary>
    IReadOnlyDictionary<string, Type> Properties { get; }

    /// <summary>Adds this part's properties for the reader of <paramref name="view"/>: none that the reader may not see.</summary>
    Task AddAsync(ReportView view, IDictionary<string, object> detail, CancellationToken cancellationToken);
}

using Lantern.Web.Detection.Extraction;

namespace Lantern.Web.Detection.Api;

/// <summary>
/// The report detail's <c>entities</c>: the identifying details found in what the reader may read of the report, in
/// canonical form. Taken from the decrypted report, never from the index (which holds none).
/// </summary>
public sealed class EntitiesDetailPart(EntityIndexer indexer) : IReportDetailPart
{
    public IReadOnlyDictionary<string, Type> Properties { get; } = new Dictionary<string, Type>
    {
        ["entities"] = typeof(IReadOnlyList<DetectedEntity>),
    };

    public async Task AddAsync(ReportView view, IDictionary<string, object> detail, CancellationToken cancellationToken)
    {
        var details = await indexer.DetailsAsync(view, cancellationToken);
        detail["entities"] = details.Select(d => d.Entity).ToList();
    }
}

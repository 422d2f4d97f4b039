using Lantern.Web.Detection.Extraction;
using Lantern.Web.Platform.Crypto;

namespace Lantern.Web.Detection;

/// <summary>Turns a report's identifying details into blind index entries (never storing the details themselves).</summary>
public sealed class EntityIndexer(BlindIndex blindIndex, ServiceNumberDirectory services)
{
    /// <summary>The extraction's version: raise it when extraction changes, and the catch-up indexes every report again.</summary>
    public const int Version = 2;

    public BlindIndex BlindIndex => blindIndex;

    /// <summary>The index rows of a report and the row that marks it indexed, under <paramref name="index"/> (the process's own by default).</summary>
    public IEnumerable<object> RowsFor(Guid reportId, ReportContent content, string country, BlindIndex? index = null)
    {
        index ??= blindIndex;
        var region = string.IsNullOrWhiteSpace(country) ? "BE" : country;
        foreach (var entity in EntityExtractor.Extract(content, country, services.Current(region)))
        {
            yield return new EntityIndexEntry { ReportId = reportId, Kind = entity.Kind, Hash = index.Compute(entity.Kind, entity.Value) };
        }

        yield return new IndexedReport { ReportId = reportId, KeyFingerprint = index.Fingerprint, Version = Version };
    }

    /// <summary>The details of an opened report, in canonical form, with their blind indexes.</summary>
    public async Task<IReadOnlyList<(DetectedEntity Entity, byte[] Hash)>> DetailsAsync(ReportView view, CancellationToken cancellationToken)
    {
        var numbers = await services.CurrentAsync(view.Country, cancellationToken);
        return [.. EntityExtractor.Extract(view.Content, view.Country, numbers).Select(e => (e, blindIndex.Compute(e.Kind, e.Value)))];
    }
}

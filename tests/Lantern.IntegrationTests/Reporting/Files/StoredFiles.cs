using Lantern.IntegrationTests.Infrastructure;
using Lantern.Web.Core.Files;
using Lantern.Web.Platform.Crypto;
using Microsoft.EntityFrameworkCore;

namespace Lantern.IntegrationTests.Reporting.Files;

/// <summary>What a report holds of files in the database, read straight from its rows.</summary>
public static class StoredFiles
{
    /// <summary>The report's file rows (originals and renditions) and its file items (chunks and names).</summary>
    public static Task<(int Files, int Items)> CountsAsync(LanternFactory factory, string reference, CancellationToken cancellationToken) =>
        factory.WithDbAsync(async db =>
        {
            var reportId = await db.Reports.Where(r => r.Reference == reference).Select(r => r.Id).SingleAsync(cancellationToken);
            var files = await db.ReportFiles.CountAsync(f => f.ReportId == reportId, cancellationToken);
            var items = await db.ReportItems.CountAsync(
                i => i.ReportId == reportId && (i.Kind == (int)ItemKind.FileChunk || i.Kind == (int)ItemKind.FileName), cancellationToken);
            return (files, items);
        });
}

using System.Net.Http.Headers;
using Lantern.IntegrationTests.Infrastructure;
using Lantern.Web.Platform.Crypto;
using Lantern.Web.Reporting.Files;
using Microsoft.EntityFrameworkCore;

namespace Lantern.IntegrationTests.Reporting.Files;

/// <summary>Uploads through the staff files API, and what a report holds of files in the database.</summary>
public static class ReportFilesApi
{
    /// <summary>POST /api/v1/reports/{reference}/files with one file, as the holder of <paramref name="token"/>.</summary>
    public static async Task<HttpResponseMessage> UploadAsync(
        LanternFactory factory, string token, string reference, string fileName, byte[] content, string contentType, CancellationToken cancellationToken)
    {
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", fileName);
        return await client.PostAsync(new Uri($"/api/v1/reports/{reference}/files", UriKind.Relative), form, cancellationToken);
    }

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

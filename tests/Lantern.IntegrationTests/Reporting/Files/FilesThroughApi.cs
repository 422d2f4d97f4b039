using System.Net.Http.Headers;
using Lantern.IntegrationTests.Infrastructure;

namespace Lantern.IntegrationTests.Reporting.Files;

/// <summary>Uploads to a report through the staff files API, as a client would.</summary>
public static class FilesThroughApi
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
}

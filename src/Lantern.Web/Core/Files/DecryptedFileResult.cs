using System.Net.Mime;
using System.Security.Cryptography;
using Lantern.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Lantern.Web.Core.Files;

/// <summary>
/// Streams a decrypted file (pages and API alike): never kept by a cache, never sniffed into another type, its
/// name offered safely (RFC 6266, UTF-8), images inline and everything else as a download. A chunk found
/// tampered with before anything was sent answers 500; later, the response is cut off (its length no longer adds up).
/// </summary>
public sealed class DecryptedFileResult(StaffFileContent content) : IResult, IActionResult
{
    public Task ExecuteResultAsync(ActionContext context) => ExecuteAsync(context.HttpContext);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        await using var stream = content.Content;
        NoStore.Apply(response);
        response.ContentType = content.ContentType;
        response.ContentLength = stream.Length;
        response.Headers.XContentTypeOptions = "nosniff";
        var disposition = new ContentDispositionHeaderValue(content.Inline ? DispositionTypeNames.Inline : DispositionTypeNames.Attachment);
        disposition.SetHttpFileName(content.Name);
        response.Headers.ContentDisposition = disposition.ToString();
        try
        {
            await stream.CopyToAsync(response.Body, 64 * 1024, httpContext.RequestAborted);
        }
        catch (CryptographicException) when (!response.HasStarted)
        {
            response.Clear();
            response.StatusCode = StatusCodes.Status500InternalServerError;
        }
    }
}

using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace Lantern.Web.Platform.Web;

/// <summary>
/// Reads a page's posted form before antiforgery does, so that a body the server cannot read answers with its own
/// status: 413 ("too much was sent") for a body beyond the server's limit, 400 for a malformed one, each on the error
/// page in the form's language. Antiforgery would read the form itself and turn every failure to read it (Kestrel's
/// <see cref="BadHttpRequestException"/> is an <see cref="IOException"/>) into a failed validation: a 400 for what is
/// a 413. File forms are read earlier, by <c>Uploads/EncryptedFormReader</c> (the form is then already there); the
/// API reads its own bodies.
/// </summary>
public sealed class PageFormReader(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsPost(request.Method) && request.HasFormContentType && context.GetEndpoint() is not null
            && !request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            && context.Features.Get<IStatusCodeReExecuteFeature>() is null)
        {
            try
            {
                await request.ReadFormAsync(context.RequestAborted);
            }
            catch (BadHttpRequestException exception)
            {
                Refuse(context, exception.StatusCode);
                return;
            }
            catch (InvalidDataException)
            {
                // Limits of FormOptions exceeded (too many fields, a key or value too long), or not a form as announced.
                Refuse(context, StatusCodes.Status400BadRequest);
                return;
            }
        }

        await next(context);
    }

    /// <summary>The status code pages show the error page; an empty form, so that the page re-executed on this request does not read the body again.</summary>
    private static void Refuse(HttpContext context, int status)
    {
        context.Features.Set<IFormFeature>(new FormFeature(FormCollection.Empty));
        context.Response.StatusCode = status;
    }
}

using Microsoft.Net.Http.Headers;

namespace Lantern.Web.Content.Resources;

/// <summary>
/// The library's files and previews, public and the same for everyone: cacheable, served in ranges (a video can be
/// watched in the browser's own player), never from another origin. A download is counted when a response starts at the
/// file's first byte, so seeking in a video does not count again.
/// </summary>
public static class ResourceEndpoints
{
    public static IEndpointRouteBuilder MapResources(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/resources/{id:guid}").ExcludeFromDescription();
        group.MapGet("/preview.jpg", PreviewAsync);
        group.MapGet("/{name}", FileAsync);
        return endpoints;
    }

    private static async Task<IResult> PreviewAsync(Guid id, ResourceLibrary library, HttpContext context, CancellationToken cancellationToken)
    {
        var preview = await library.PreviewAsync(id, cancellationToken);
        if (preview is null)
        {
            return Results.NotFound();
        }

        context.Response.Headers.CacheControl = "public, max-age=86400";
        return Results.File(preview, "image/jpeg");
    }

    private static async Task<IResult> FileAsync(Guid id, string name, ResourceLibrary library, HttpContext context, CancellationToken cancellationToken)
    {
        var resource = await library.FindAsync(id, cancellationToken);
        if (resource is null || !string.Equals(name, resource.FileName, StringComparison.Ordinal))
        {
            return Results.NotFound();
        }

        if (StartsAtTheBeginning(context.Request))
        {
            await library.CountDownloadAsync(id);
        }

        context.Response.Headers.CacheControl = "public, max-age=86400";
        return Results.Stream(library.Open(resource), resource.ContentType, enableRangeProcessing: true);
    }

    private static bool StartsAtTheBeginning(HttpRequest request) =>
        HttpMethods.IsGet(request.Method)
        && (!RangeHeaderValue.TryParse(request.Headers.Range.ToString(), out var range) || range.Ranges.FirstOrDefault()?.From is null or 0);
}

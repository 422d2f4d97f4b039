namespace Lantern.Web.Platform.Web.Escape;

/// <summary>
/// <c>/escape</c>, where the escape button leads: it ends the visit (<see cref="VisitEnd"/>) and then goes to the
/// neutral site (<see cref="LanternOptions.EscapeUrl"/>). Without JavaScript the button is a plain link here (GET, 303
/// to the neutral site); with JavaScript the page posts here in the background (204) and goes to the neutral site
/// itself, even when this request fails or is slow.
/// </summary>
/// <remarks>
/// A GET that ends sessions is safe here: it is idempotent, answers nothing but a redirect, and the worst another
/// site can do by sending someone to it is sign them out (the session cookies are SameSite=Strict, so it cannot even
/// do that on the server). It is never rate limited: leaving must not be refused.
/// </remarks>
public static class EscapeEndpoint
{
    public const string Path = "/escape";

    public static IEndpointRouteBuilder MapEscape(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, async (HttpContext context, VisitEnd visit, IOptions<LanternOptions> options) =>
        {
            await visit.ApplyAsync(context);
            context.Response.StatusCode = StatusCodes.Status303SeeOther;
            context.Response.Headers.Location = options.Value.EscapeUrl;
        }).DisableRateLimiting().ExcludeFromDescription();

        endpoints.MapPost(Path, async (HttpContext context, VisitEnd visit) =>
        {
            await visit.ApplyAsync(context);
            context.Response.StatusCode = StatusCodes.Status204NoContent;
        }).DisableRateLimiting().ExcludeFromDescription();

        return endpoints;
    }
}

using Microsoft.AspNetCore.Authorization;

namespace Lantern.Web.Platform.Web;

/// <summary>
/// Serves only the endpoints of this process's role (<see cref="LanternOptions.Role"/>): an intake-only
/// process has no staff private key and answers 404 for every back-office page and staff API endpoint
/// (those carry authorization metadata); a staff-only process answers 404 for the public site and intake API.
/// Health, OpenAPI, error pages and static files are served by both.
/// </summary>
public sealed class RoleGate(RequestDelegate next, IOptions<LanternOptions> options)
{
    private readonly LanternRole _role = options.Value.Role;

    public Task InvokeAsync(HttpContext context)
    {
        if (_role == LanternRole.All || context.GetEndpoint() is not { } endpoint || IsShared(context.Request.Path))
        {
            return next(context);
        }

        var isStaff = endpoint.Metadata.GetMetadata<IAuthorizeData>() is not null;
        if (isStaff == (_role == LanternRole.Staff))
        {
            return next(context);
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }

    private static bool IsShared(PathString path) =>
        path.StartsWithSegments("/healthz", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/error", StringComparison.OrdinalIgnoreCase);
}

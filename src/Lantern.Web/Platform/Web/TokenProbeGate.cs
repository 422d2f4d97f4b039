namespace Lantern.Web.Platform.Web;

/// <summary>
/// Before authentication: a request with a bearer token from a client that has presented too many refused
/// tokens this minute answers 429 (with <c>Retry-After</c>), and the token is not looked up.
/// </summary>
public sealed class TokenProbeGate(RequestDelegate next, TokenProbeLimiter limiter)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && !limiter.MayTry(context))
        {
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.Response.Headers.RetryAfter = "60";
            return Task.CompletedTask;
        }

        return next(context);
    }
}

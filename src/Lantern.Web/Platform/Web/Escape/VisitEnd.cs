namespace Lantern.Web.Platform.Web.Escape;

/// <summary>
/// Ends a reporter's visit on the server and in the browser, for the escape button and the follow-up sign-out: every
/// <see cref="IVisitTrace"/> ends its part on the server (so an old cookie, or a copy of it, opens nothing), every
/// cookie the browser sent is expired, and <c>Clear-Site-Data</c> asks the browser to drop the rest (cookies on other
/// paths, the cache of Lantern's files, any storage, pages kept for Back). The header alone would not do: browsers
/// honour it only over HTTPS (or on localhost), and it cannot reach the server's side.
/// </summary>
/// <remarks>
/// Leaving must never fail: a trace that cannot end its part (the database unreachable) is logged by its error's type
/// and the browser's side is ended all the same.
/// </remarks>
public sealed partial class VisitEnd(IEnumerable<IVisitTrace> traces, ILogger<VisitEnd> logger)
{
    public const string ClearSiteData = "\"cache\", \"cookies\", \"storage\"";

    public async Task ApplyAsync(HttpContext context)
    {
        foreach (var trace in traces)
        {
            try
            {
                await trace.EndAsync(context);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogTraceNotEnded(logger, trace.GetType().Name, exception.GetType().Name);
            }
        }

        var request = context.Request;
        var response = context.Response;
        var expired = response.Headers.SetCookie.Select(cookie => cookie?.Split('=', 2)[0]).ToHashSet(StringComparer.Ordinal);
        foreach (var name in request.Cookies.Keys.Where(name => !expired.Contains(name)))
        {
            response.Cookies.Delete(name, SessionCookies.Options(request));
        }

        response.Headers["Clear-Site-Data"] = ClearSiteData;
        NoStore.Apply(response);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Leaving could not end {Trace} on the server ({Error}); the browser's side was ended.")]
    private static partial void LogTraceNotEnded(ILogger logger, string trace, string error);
}

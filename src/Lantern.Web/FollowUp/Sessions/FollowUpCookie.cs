using Lantern.Web.Platform.Web;

namespace Lantern.Web.FollowUp.Sessions;

/// <summary>
/// The reporter's session cookie: only the random session id (the key stays on the server), a session cookie
/// (no expiry date, gone when the browser closes), HttpOnly, Secure over HTTPS, SameSite=Strict.
/// </summary>
public static class FollowUpCookie
{
    public const string Name = "lantern.followup";

    public static string? Read(HttpRequest request) =>
        request.Cookies.TryGetValue(Name, out var value) && value is { Length: > 0 and <= 100 } ? value : null;

    public static void Write(HttpResponse response, string sessionId) =>
        response.Cookies.Append(Name, sessionId, Options(response.HttpContext.Request));

    public static void Delete(HttpResponse response) => response.Cookies.Delete(Name, Options(response.HttpContext.Request));

    private static CookieOptions Options(HttpRequest request) => SessionCookies.Options(request);
}

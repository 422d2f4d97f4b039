namespace Lantern.Web.Platform.Web;

/// <summary>
/// The options of Lantern's own short-lived cookies (the sent report, the recorded call's receipt, the follow-up
/// session): no <c>Expires</c>, so a session cookie gone when the browser closes (SECURITY.md: no persistent cookie),
/// HttpOnly, Secure over HTTPS, SameSite=Strict.
/// </summary>
public static class SessionCookies
{
    public static CookieOptions Options(HttpRequest request, string path = "/") => new()
    {
        HttpOnly = true,
        Secure = request.IsHttps,
        SameSite = SameSiteMode.Strict,
        Path = path,
        IsEssential = true,
    };
}

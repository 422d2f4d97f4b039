namespace Lantern.Web.Platform.Web;

/// <summary>The <c>Retry-After</c> header of every refusal that asks to come back later: whole seconds, never 0 ("now").</summary>
public static class RetryAfter
{
    public static void Set(HttpResponse response, TimeSpan wait) =>
        response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}

namespace Lantern.Web.Platform.Web;

public static class NoStore
{
    public static void Apply(HttpResponse response)
    {
        // The exact value antiforgery sets on pages with a form, so neither overrides the other.
        response.Headers.CacheControl = "no-cache, no-store";
        response.Headers.Pragma = "no-cache";
    }
}

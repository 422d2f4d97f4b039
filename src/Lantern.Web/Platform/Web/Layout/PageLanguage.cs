namespace Lantern.Web.Platform.Web.Layout;

/// <summary>The language of the page being rendered, and the same page's address in the other languages.</summary>
public static class PageLanguage
{
    public static string Current => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    public static string Direction => LanguageSettings.IsRightToLeft(Current) ? "rtl" : "ltr";

    /// <summary>The current path with its first segment replaced by <paramref name="language"/> (no query string: it may hold answers).</summary>
    public static string PathIn(HttpRequest request, LanguageSettings languages, string language)
    {
        var segments = (request.Path.Value ?? "/").Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0 || !languages.IsEnabled(segments[0]))
        {
            return "/" + language + "/";
        }

        segments[0] = language;
        return "/" + string.Join('/', segments) + (segments.Length == 1 ? "/" : string.Empty);
    }
}

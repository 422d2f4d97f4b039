namespace Lantern.Web.Platform.Web.Layout;

/// <summary>The language of the page being rendered, and the same page's address in the other languages.</summary>
public static class PageLanguage
{
    public static string Current => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    public static string Direction => LanguageSettings.IsRightToLeft(Current) ? "rtl" : "ltr";

    /// <summary>
    /// <paramref name="text"/> between the Unicode isolates LRI and PDI: a phone number such as <c>+32 2 555 00 00</c>
    /// inside an Arabic sentence otherwise has its groups of digits drawn right to left (the spaces take the sentence's
    /// direction). Invisible, and harmless in a left-to-right page.
    /// </summary>
    public static string Isolated(string text) => "\u2066" + text + "\u2069";

    /// <summary>The address of the language chooser for the page being rendered.</summary>
    public static string ChooserPath(HttpRequest request, LanguageSettings languages) =>
        "/" + Current + "/languages" + (Rest(request, languages) is { Length: > 0 } rest ? "?from=" + Uri.EscapeDataString(rest) : string.Empty);

    /// <summary>
    /// The current path without its language segment (<c>help/surya</c> for <c>/fr/help/surya</c>; empty for the home
    /// page or an address without a language). Never the query string: it may hold answers.
    /// </summary>
    public static string Rest(HttpRequest request, LanguageSettings languages)
    {
        var segments = (request.Path.Value ?? "/").Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Length > 0 && languages.IsEnabled(segments[0]) ? string.Join('/', segments.Skip(1)) : string.Empty;
    }

    /// <summary>
    /// The page <paramref name="rest"/> (as <see cref="Rest"/> gives it, or as the chooser received it) in
    /// <paramref name="language"/>: always an address on this site; anything but plain path segments gives the home page.
    /// </summary>
    public static string PathIn(string? rest, string language)
    {
        var segments = (rest ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries);
        var plain = segments.Length <= 8 && segments.All(s => s.Length <= 64 && s.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') && s is not ("." or ".."));
        return "/" + language + "/" + (plain ? string.Join('/', segments) : string.Empty);
    }
}

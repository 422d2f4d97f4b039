namespace Lantern.Web.Content.Pages;

/// <summary>One line of the language chooser.</summary>
/// <param name="Code">The language's code, also its <c>lang</c> attribute.</param>
/// <param name="NativeName">The language's name in itself.</param>
/// <param name="LocalName">Its name in the page's language, for a visitor who does not read the script.</param>
/// <param name="Direction"><c>rtl</c> or <c>ltr</c>.</param>
/// <param name="Path">The page the visitor came from, in this language.</param>
/// <param name="IsCurrent">The page's own language.</param>
public sealed record LanguageChoice(string Code, string NativeName, string LocalName, string Direction, string Path, bool IsCurrent)
{
    /// <summary>The choice of <paramref name="code"/>, leading to <paramref name="path"/>, as seen from a page in <paramref name="current"/>.</summary>
    public static LanguageChoice Of(LanguageSettings languages, string code, string path, string current) => new(
        code,
        languages.NativeNames[code],
        CultureInfo.GetCultureInfo(code).DisplayName,
        LanguageSettings.IsRightToLeft(code) ? "rtl" : "ltr",
        path,
        code == current);

    /// <summary>The enabled languages among <paramref name="codes"/>, in the chooser's order, each leading to <paramref name="pathIn"/> of it.</summary>
    public static IReadOnlyList<LanguageChoice> Among(LanguageSettings languages, IEnumerable<string> codes, Func<string, string> pathIn, string current)
    {
        var wanted = codes.ToHashSet(StringComparer.Ordinal);
        return languages.Enabled.Where(wanted.Contains).Select(code => Of(languages, code, pathIn(code), current)).ToList();
    }
}

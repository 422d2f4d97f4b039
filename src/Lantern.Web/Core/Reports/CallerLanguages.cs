namespace Lantern.Web.Core.Reports;

/// <summary>
/// The languages a caller may speak, as the phone intake records them: the site's enabled languages, the 24 of
/// the default set (DOMAIN.md, "Languages"), and <c>other</c>. A caller's language need not be a site language:
/// an interpreter may have helped.
/// </summary>
public sealed class CallerLanguages
{
    public const string Other = "other";

    /// <summary>Lantern's default set of 24 languages, in DOMAIN.md's order.</summary>
    public static readonly string[] DefaultSet = LanguageSettings.DefaultEnabled;

    private readonly HashSet<string> _known;

    public CallerLanguages(LanguageSettings languages)
    {
        Codes = [.. languages.Enabled.Concat(DefaultSet).Distinct(StringComparer.Ordinal), Other];
        _known = new HashSet<string>(Codes, StringComparer.Ordinal);
    }

    /// <summary>Every code offered, <c>other</c> last.</summary>
    public IReadOnlyList<string> Codes { get; }

    public bool IsKnown(string? code) => code is not null && _known.Contains(code);

    /// <summary>The language's name in the current UI language, with its own name beside it (so an operator recognises both).</summary>
    public static string DisplayName(string code)
    {
        var culture = CultureInfo.GetCultureInfo(code);
        var local = culture.DisplayName;
        var native = culture.NativeName;
        return string.Equals(local, native, StringComparison.OrdinalIgnoreCase) ? local : $"{local} – {native}";
    }

    /// <summary>The languages (without <c>other</c>) sorted by their name in the current UI language.</summary>
    public IReadOnlyList<(string Code, string Name)> SortedForCurrentLanguage()
    {
        var comparer = StringComparer.Create(CultureInfo.CurrentUICulture, ignoreCase: true);
        return Codes.Where(code => code != Other)
            .Select(code => (code, DisplayName(code)))
            .OrderBy(language => language.Item2, comparer)
            .ToList();
    }
}

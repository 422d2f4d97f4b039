using System.Collections.Frozen;
using Microsoft.Net.Http.Headers;

namespace Lantern.Web.Platform.Localisation;

/// <summary>
/// The enabled languages, their direction and their own names, and the choice from Accept-Language. A configured
/// language is offered only when its catalogue has every public text (<see cref="TextCatalogue.IsComplete"/>): a page
/// labelled <c>lang="ar"</c> that reads English would make a screen reader speak English with an Arabic voice. One left
/// out is named in a warning at start.
/// </summary>
public sealed partial class LanguageSettings
{
    /// <summary>The 24 languages of DOMAIN.md, in the order of the language chooser: the four complete ones (public site and back office) first.</summary>
    public static readonly string[] DefaultEnabled =
        ["fr", "nl", "de", "en", "ar", "ro", "bg", "sq", "pt", "es", "it", "pl", "hu", "uk", "ru", "tr", "zh", "vi", "th", "tl", "hi", "ur", "fa", "ti"];

    /// <summary>
    /// The languages written in full, back office and restricted guidance included (DOMAIN.md: "complete, reviewed
    /// first"); the others have the public texts.
    /// </summary>
    public static readonly string[] Complete = ["fr", "nl", "de", "en"];

    /// <summary>Tags browsers send for a language Lantern knows under another code.</summary>
    private static readonly FrozenDictionary<string, string> _aliases = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["fil"] = "tl",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private readonly HashSet<string> _enabled;
    private readonly HashSet<string> _backOffice;

    public LanguageSettings(IOptions<LanguageOptions> options, TextCatalogue catalogue, ILogger<LanguageSettings>? logger = null)
    {
        var configured = (options.Value.Enabled.Count > 0 ? options.Value.Enabled : [.. DefaultEnabled])
            .Select(l => l.Trim().ToLowerInvariant()).Distinct().ToArray();
        var incomplete = configured.Where(l => !catalogue.IsComplete(l)).ToArray();
        if (incomplete.Length > 0 && logger is not null)
        {
            LanguagesLeftOut(logger, string.Join(", ", incomplete));
        }

        Enabled = configured.Except(incomplete).ToArray();
        _enabled = new HashSet<string>(Enabled, StringComparer.Ordinal);
        BackOffice = Enabled.Where(catalogue.HasEveryKey).ToArray();
        _backOffice = new HashSet<string>(BackOffice, StringComparer.Ordinal);
        NativeNames = Enabled.ToFrozenDictionary(language => language, NativeName, StringComparer.Ordinal);
        Default = options.Value.Default.Trim().ToLowerInvariant();
        if (!_enabled.Contains(Default))
        {
            throw new OptionsValidationException(LanguageOptions.Section, typeof(LanguageOptions), [$"The default language '{Default}' is not enabled."]);
        }
    }

    public IReadOnlyList<string> Enabled { get; }

    /// <summary>
    /// The enabled languages the back office is written in too (their catalogues have the <c>staff.</c> texts as well):
    /// a staff page is never labelled in a language it would show in English.
    /// </summary>
    public IReadOnlyList<string> BackOffice { get; }

    public string Default { get; }

    /// <summary>Each enabled language's name in that language, as the language switcher shows it.</summary>
    public IReadOnlyDictionary<string, string> NativeNames { get; }

    public bool IsEnabled(string? language) => language is not null && _enabled.Contains(language);

    public static bool IsRightToLeft(string language) => CultureInfo.GetCultureInfo(language).TextInfo.IsRightToLeft;

    private static string NativeName(string language)
    {
        var culture = CultureInfo.GetCultureInfo(language);
        var name = culture.NativeName;
        return name.Length == 0 ? language : char.ToUpper(name[0], culture) + name[1..];
    }

    /// <summary>The best enabled language for an Accept-Language header, or the default.</summary>
    public string Choose(string? acceptLanguage) => ChooseAmong(acceptLanguage, _enabled);

    /// <summary>The best back-office language for an Accept-Language header, or the default.</summary>
    public string ChooseBackOffice(string? acceptLanguage) => ChooseAmong(acceptLanguage, _backOffice);

    private string ChooseAmong(string? acceptLanguage, HashSet<string> candidates)
    {
        if (string.IsNullOrWhiteSpace(acceptLanguage)
            || !StringWithQualityHeaderValue.TryParseList([acceptLanguage], out var values))
        {
            return Default;
        }

        foreach (var value in values.OrderByDescending(v => v.Quality ?? 1))
        {
            if (value.Quality == 0)
            {
                continue;
            }

            var tag = value.Value.Value?.ToLowerInvariant() ?? string.Empty;
            var primary = tag.Split('-')[0];
            primary = _aliases.GetValueOrDefault(primary, primary);
            if (candidates.Contains(primary))
            {
                return primary;
            }
        }

        return Default;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Languages configured but not offered, their catalogues lack public texts (see `catalogue status`): {Languages}")]
    private static partial void LanguagesLeftOut(ILogger logger, string languages);
}

using System.Collections.Frozen;
using Microsoft.Net.Http.Headers;

namespace Lantern.Web.Platform.Localisation;

/// <summary>The enabled languages, their direction and their own names, and the choice from Accept-Language.</summary>
public sealed class LanguageSettings
{
    public static readonly string[] DefaultEnabled = ["fr", "nl", "de", "en"];

    private readonly HashSet<string> _enabled;

    public LanguageSettings(IOptions<LanguageOptions> options)
    {
        var configured = options.Value.Enabled.Count > 0 ? options.Value.Enabled : [.. DefaultEnabled];
        Enabled = configured.Select(l => l.Trim().ToLowerInvariant()).Distinct().ToArray();
        _enabled = new HashSet<string>(Enabled, StringComparer.Ordinal);
        NativeNames = Enabled.ToFrozenDictionary(language => language, NativeName, StringComparer.Ordinal);
        Default = options.Value.Default.Trim().ToLowerInvariant();
        if (!_enabled.Contains(Default))
        {
            throw new OptionsValidationException(LanguageOptions.Section, typeof(LanguageOptions), [$"The default language '{Default}' is not enabled."]);
        }
    }

    public IReadOnlyList<string> Enabled { get; }

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
    public string Choose(string? acceptLanguage)
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
            if (_enabled.Contains(primary))
            {
                return primary;
            }
        }

        return Default;
    }
}

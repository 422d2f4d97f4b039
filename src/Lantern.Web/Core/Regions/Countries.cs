using System.Collections.Concurrent;

namespace Lantern.Web.Core.Regions;

/// <summary>ISO 3166-1 alpha-2 codes, from .NET's own region data.</summary>
public static class Countries
{
    private static readonly Dictionary<string, RegionInfo> _known = CultureInfo.GetCultures(CultureTypes.SpecificCultures)
        .Select(culture =>
        {
            try
            {
                return new RegionInfo(culture.Name);
            }
            catch (ArgumentException)
            {
                return null;
            }
        })
        .Where(region => region is not null && region.TwoLetterISORegionName.Length == 2 && region.TwoLetterISORegionName.All(char.IsAsciiLetterUpper))
        .GroupBy(region => region!.TwoLetterISORegionName, StringComparer.Ordinal)
        .ToDictionary(group => group.Key, group => group.First()!, StringComparer.Ordinal);

    public static bool IsKnown(string code) => _known.ContainsKey(code);

    public static IReadOnlyCollection<string> All => _known.Keys;

    private static readonly ConcurrentDictionary<string, IReadOnlyList<(string Code, string Name)>> _sorted = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string> _names = new(StringComparer.Ordinal);

    /// <summary>
    /// The country's name in the current UI language. <see cref="RegionInfo.DisplayName"/> names a region in its
    /// own culture's language (Belgium is "België" whatever the page), so the name is read from the region as
    /// seen by a culture of the page's language ("fr-NL" gives "Pays-Bas"), which ICU answers for every pair.
    /// </summary>
    public static string DisplayName(string code)
    {
        if (!_known.TryGetValue(code, out var region))
        {
            return code;
        }

        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        return _names.GetOrAdd(language + "-" + code, key =>
        {
            try
            {
                return new RegionInfo(key).DisplayName;
            }
            catch (ArgumentException)
            {
                return region.EnglishName;
            }
        });
    }

    /// <summary>Every country with its name in the current UI language, in that language's alphabetical order.</summary>
    public static IReadOnlyList<(string Code, string Name)> SortedForCurrentLanguage()
    {
        var culture = CultureInfo.CurrentUICulture;
        return _sorted.GetOrAdd(culture.Name, _ => _known.Keys
            .Select(code => (code, DisplayName(code)))
            .OrderBy(country => country.Item2, StringComparer.Create(culture, ignoreCase: true))
            .ToList());
    }
}

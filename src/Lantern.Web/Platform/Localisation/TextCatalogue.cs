using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text.Json;

namespace Lantern.Web.Platform.Localisation;

/// <summary>
/// The translations: one flat JSON file per language (<c>Catalogues/{language}.json</c>, key to text,
/// with <c>{0}</c> placeholders), embedded in the binary. A text not yet translated falls back to English
/// and is counted as missing (metric <c>lantern.localisation.missing</c>); a key is never shown.
/// </summary>
public sealed class TextCatalogue
{
    public const string Fallback = "en";

    private static readonly Meter _meter = new("Lantern.Localisation");
    private static readonly Counter<long> _missing = _meter.CreateCounter<long>("lantern.localisation.missing");

    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> _texts;
    private readonly ConcurrentDictionary<string, bool> _reportedMissing = new(StringComparer.Ordinal);

    public TextCatalogue()
    {
        var assembly = typeof(TextCatalogue).Assembly;
        var texts = new Dictionary<string, FrozenDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("catalogue.", StringComparison.Ordinal)))
        {
            var language = name["catalogue.".Length..^".json".Length];
            using var stream = assembly.GetManifestResourceStream(name)!;
            var entries = JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? [];
            texts[language] = entries.ToFrozenDictionary(StringComparer.Ordinal);
        }

        _texts = texts.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public IEnumerable<string> Languages => _texts.Keys;

    public IReadOnlyDictionary<string, string> Entries(string language) =>
        _texts.TryGetValue(language, out var entries) ? entries : FrozenDictionary<string, string>.Empty;

    public bool TryGet(string language, string key, out string text)
    {
        if (_texts.TryGetValue(language, out var entries) && entries.TryGetValue(key, out text!))
        {
            return true;
        }

        text = string.Empty;
        return false;
    }

    /// <summary>The text of <paramref name="key"/> in <paramref name="language"/>, falling back to English.</summary>
    public string Get(string language, string key, params object[] arguments)
    {
        if (!TryGet(language, key, out var text))
        {
            if (_reportedMissing.TryAdd(language + "/" + key, true))
            {
                _missing.Add(1, new KeyValuePair<string, object?>("language", language));
            }

            if (!TryGet(Fallback, key, out text))
            {
                // Never show a key to a person: a test guarantees every key used exists in English.
                text = string.Empty;
            }
        }

        return arguments.Length == 0 ? text : string.Format(CultureInfo.GetCultureInfo(language), text, arguments);
    }
}

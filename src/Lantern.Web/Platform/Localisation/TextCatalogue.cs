using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Diagnostics.Metrics;
using System.Text.Json;

namespace Lantern.Web.Platform.Localisation;

/// <summary>
/// The translations: flat JSON files per language (<c>Catalogues/{language}.json</c> for the public site and
/// <c>Catalogues/{area}/{language}.json</c> for each back-office area; key to text, with <c>{0}</c> placeholders),
/// embedded in the binary and merged per language (a key defined twice stops the start). A text not yet translated falls back to English
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
        var texts = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("catalogue.", StringComparison.Ordinal)))
        {
            // "catalogue.en.json" or "catalogue.{area}.en.json"
            var stem = name[..^".json".Length];
            var language = stem[(stem.LastIndexOf('.') + 1)..];
            using var stream = assembly.GetManifestResourceStream(name)!;
            var merged = texts.TryGetValue(language, out var existing) ? existing : texts[language] = new(StringComparer.Ordinal);
            foreach (var (key, text) in JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? [])
            {
                if (!merged.TryAdd(key, text))
                {
                    throw new InvalidOperationException($"The text key '{key}' is defined twice in the {language} catalogues ({name}).");
                }
            }
        }

        _texts = texts.ToFrozenDictionary(e => e.Key, e => e.Value.ToFrozenDictionary(StringComparer.Ordinal), StringComparer.Ordinal);
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

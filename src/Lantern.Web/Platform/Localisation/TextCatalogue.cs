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
/// <para>
/// Keys starting with <c>staff.</c> are the back office's; every other key is public: a language is complete when it has
/// every public key of English (<see cref="PublicKeys"/>). A key starting with <c>@</c> is about the file, not a text:
/// <c>"@unreviewed": "*"</c> marks every text of that file as not yet reviewed by a native speaker, or lists the keys
/// that are not (comma-separated); a reviewer removes the marker when done.
/// </para>
/// </summary>
public sealed class TextCatalogue
{
    public const string Fallback = "en";

    private static readonly Meter _meter = new("Lantern.Localisation");
    private static readonly Counter<long> _missing = _meter.CreateCounter<long>("lantern.localisation.missing");

    /// <summary>The file-level marker of texts not reviewed by a native speaker.</summary>
    public const string UnreviewedMarker = "@unreviewed";

    private const string StaffPrefix = "staff.";

    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> _texts;
    private readonly FrozenDictionary<string, FrozenSet<string>> _unreviewed;
    private readonly ConcurrentDictionary<string, bool> _reportedMissing = new(StringComparer.Ordinal);

    public TextCatalogue()
    {
        var assembly = typeof(TextCatalogue).Assembly;
        var texts = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        var unreviewed = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("catalogue.", StringComparison.Ordinal)))
        {
            // "catalogue.en.json" or "catalogue.{area}.en.json"
            var stem = name[..^".json".Length];
            var language = stem[(stem.LastIndexOf('.') + 1)..];
            using var stream = assembly.GetManifestResourceStream(name)!;
            var merged = texts.TryGetValue(language, out var existing) ? existing : texts[language] = new(StringComparer.Ordinal);
            var file = JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? [];
            if (file.Remove(UnreviewedMarker, out var marked))
            {
                var set = unreviewed.TryGetValue(language, out var known) ? known : unreviewed[language] = new(StringComparer.Ordinal);
                set.UnionWith(marked.Trim() == "*" ? file.Keys : marked.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
            }

            foreach (var (key, text) in file)
            {
                if (key.StartsWith('@'))
                {
                    throw new InvalidOperationException($"Unknown file marker '{key}' in {name}.");
                }

                if (!merged.TryAdd(key, text))
                {
                    throw new InvalidOperationException($"The text key '{key}' is defined twice in the {language} catalogues ({name}).");
                }
            }
        }

        _texts = texts.ToFrozenDictionary(e => e.Key, e => e.Value.ToFrozenDictionary(StringComparer.Ordinal), StringComparer.Ordinal);
        _unreviewed = unreviewed.ToFrozenDictionary(e => e.Key, e => e.Value.ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal);
        PublicKeys = Entries(Fallback).Keys.Where(IsPublic).Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>The keys a public page may show (every English key outside the back office's <c>staff.</c>).</summary>
    public IReadOnlyList<string> PublicKeys { get; }

    public static bool IsPublic(string key) => !key.StartsWith(StaffPrefix, StringComparison.Ordinal);

    /// <summary>Whether <paramref name="language"/> has every public text, so that its pages read in it.</summary>
    public bool IsComplete(string language) => !MissingPublicKeys(language).Any();

    /// <summary>Whether <paramref name="language"/> has every text of English, the back office's included.</summary>
    public bool HasEveryKey(string language)
    {
        var entries = Entries(language);
        return Entries(Fallback).Keys.All(entries.ContainsKey);
    }

    /// <summary>The public keys <paramref name="language"/> lacks (its pages would show them in English).</summary>
    public IEnumerable<string> MissingPublicKeys(string language)
    {
        var entries = Entries(language);
        return PublicKeys.Where(key => !entries.ContainsKey(key));
    }

    /// <summary>Whether the text of <paramref name="key"/> in <paramref name="language"/> is marked as not yet reviewed by a native speaker.</summary>
    public bool IsUnreviewed(string language, string key) => _unreviewed.TryGetValue(language, out var keys) && keys.Contains(key);

    /// <summary>The keys of <paramref name="language"/> marked as not reviewed.</summary>
    public IReadOnlyCollection<string> Unreviewed(string language) =>
        _unreviewed.TryGetValue(language, out var keys) ? keys : FrozenSet<string>.Empty;

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

using System.Collections.Frozen;
using Lantern.Web.Content.Rendering;

namespace Lantern.Web.Content.Guidance;

/// <summary>
/// The restricted guidance for professionals: one Markdown text per page and language
/// (<c>Texts/{language}/{code}.md</c>, embedded as <c>guidance.{language}.{code}.md</c>), whose first line is
/// <c># Title</c>. Every text is rendered once, when the singleton is built, by <see cref="SafeMarkdown"/>.
/// </summary>
public sealed class GuidanceLibrary
{
    public const string Overview = "overview";

    /// <summary>The forms of exploitation that have a page: the seeded forms of DOMAIN.md except <c>unknown</c>.</summary>
    public static readonly IReadOnlyList<string> FormCodes = ["sexual", "labour", "begging", "criminality", "organs", "smuggling"];

    /// <summary>The pages every language must have, in the order of the index.</summary>
    public static readonly IReadOnlyList<string> PageCodes = [Overview, .. FormCodes];

    private const string ResourcePrefix = "guidance.";
    private const string ResourceSuffix = ".md";
    private const string Fallback = TextCatalogue.Fallback;


    // Language, then code, both compared without case because they come from URLs.
    private readonly FrozenDictionary<string, FrozenDictionary<string, GuidancePage>> _pages;
    private readonly FrozenDictionary<string, GuidanceEntry[]> _indexes;

    public GuidanceLibrary()
    {
        var assembly = typeof(GuidanceLibrary).Assembly;
        var pages = new Dictionary<string, Dictionary<string, GuidancePage>>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(ResourceSuffix, StringComparison.Ordinal)))
        {
            var parts = name[ResourcePrefix.Length..^ResourceSuffix.Length].Split('.');
            if (parts.Length != 2)
            {
                throw new InvalidOperationException($"Guidance resource '{name}' is not named guidance.{{language}}.{{code}}.md.");
            }

            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            var page = Parse(parts[1], parts[0], reader.ReadToEnd());
            if (!pages.TryGetValue(page.Language, out var byCode))
            {
                byCode = new Dictionary<string, GuidancePage>(StringComparer.OrdinalIgnoreCase);
                pages[page.Language] = byCode;
            }

            byCode[page.Code] = page;
        }

        if (!pages.TryGetValue(Fallback, out var english))
        {
            throw new InvalidOperationException("The guidance has no English texts to fall back on.");
        }

        // A page not yet translated is shown in English, so each language offers every English page.
        foreach (var byCode in pages.Values)
        {
            foreach (var (code, page) in english)
            {
                byCode.TryAdd(code, page);
            }
        }

        _pages = pages.ToFrozenDictionary(p => p.Key, p => p.Value.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase);
        _indexes = _pages.ToFrozenDictionary(
            p => p.Key,
            p => p.Value.Values.OrderBy(IndexPosition).ThenBy(page => page.Code, StringComparer.Ordinal)
                .Select(page => new GuidanceEntry(page.Code, page.Title)).ToArray(),
            StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The languages that have guidance texts of their own.</summary>
    public IReadOnlyCollection<string> Languages => _pages.Keys;

    /// <summary>The pages in <paramref name="language"/> (English for a language without texts), overview first.</summary>
    public IReadOnlyList<GuidanceEntry> List(string language) =>
        _indexes.TryGetValue(language, out var index) ? index : _indexes[Fallback];

    /// <summary>The page <paramref name="code"/> in <paramref name="language"/> or in English; <c>null</c> for an unknown code.</summary>
    public GuidancePage? Find(string language, string code)
    {
        var pages = _pages.TryGetValue(language, out var byLanguage) ? byLanguage : _pages[Fallback];
        return pages.GetValueOrDefault(code);
    }

    internal static GuidancePage Parse(string code, string language, string markdown)
    {
        var text = markdown.TrimStart('\uFEFF').ReplaceLineEndings("\n");
        var end = text.IndexOf('\n', StringComparison.Ordinal);
        var firstLine = end < 0 ? text : text[..end];
        if (!firstLine.StartsWith("# ", StringComparison.Ordinal) || firstLine[2..].Trim().Length == 0)
        {
            throw new InvalidOperationException($"Guidance text {language}/{code}.md must start with a '# Title' line.");
        }

        var body = end < 0 ? string.Empty : text[(end + 1)..];
        return new GuidancePage(code.ToLowerInvariant(), language.ToLowerInvariant(), firstLine[2..].Trim(), SafeMarkdown.ToHtml(body));
    }

    // Known pages in the order of PageCodes; a page a deployment adds comes after them.
    private static int IndexPosition(GuidancePage page)
    {
        var position = 0;
        while (position < PageCodes.Count && !string.Equals(PageCodes[position], page.Code, StringComparison.Ordinal))
        {
            position++;
        }

        return position;
    }
}

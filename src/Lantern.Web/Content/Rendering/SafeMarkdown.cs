using System.Collections.Frozen;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Lantern.Web.Content.Rendering;

/// <summary>
/// Markdown to HTML for every text the site shows from Markdown (the guidance, the editors' pages): raw HTML in a text
/// is shown as text, never as markup, and a link may only lead to this site, the web, e-mail or a phone number. This is
/// the sanitising: nothing but what Markdown itself produces reaches the page.
/// </summary>
public static class SafeMarkdown
{
    private static readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();
    private static readonly FrozenSet<string> _safeSchemes = FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "http", "https", "mailto", "tel");

    public static string ToHtml(string markdown)
    {
        var document = Markdown.Parse(markdown, _pipeline);
        foreach (var link in document.Descendants<LinkInline>().Where(l => !IsSafeUrl(l.Url)))
        {
            link.Url = "#";
        }

        foreach (var link in document.Descendants<AutolinkInline>().Where(l => !IsSafeUrl(l.Url)))
        {
            link.Url = "#";
        }

        return Markdown.ToHtml(document, _pipeline);
    }

    /// <summary>A relative address, or one whose scheme cannot run script (no <c>javascript:</c> or <c>data:</c>).</summary>
    public static bool IsSafeUrl(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return true;
        }

        // Browsers drop control characters and spaces inside a scheme ("java\tscript:"): refuse them outright.
        if (url.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            return false;
        }

        var colon = url.IndexOf(':', StringComparison.Ordinal);
        var pathStart = url.IndexOfAny(['/', '?', '#']);
        var relative = colon < 0 || (pathStart >= 0 && pathStart < colon);
        return relative || _safeSchemes.Contains(url[..colon]);
    }
}

namespace Lantern.Web.Content.Articles;

/// <summary>A seed page as its file gives it: <c># Title</c>, a blank line, a one-sentence summary, a blank line, the text.</summary>
internal sealed record SeedArticle(string Slug, string Language, string Title, string Summary, string Body)
{
    public static SeedArticle Parse(string slug, string language, string markdown)
    {
        var text = markdown.TrimStart('\uFEFF').ReplaceLineEndings("\n").Trim();
        var blocks = text.Split("\n\n", 3, StringSplitOptions.None);
        if (blocks.Length < 3 || !blocks[0].StartsWith("# ", StringComparison.Ordinal) || blocks[0].Contains('\n', StringComparison.Ordinal)
            || ArticleSlugs.Normalise(slug) != slug)
        {
            throw new InvalidOperationException($"Seed page {language}/{slug}.md must be '# Title', a blank line, a summary, a blank line, the text.");
        }

        return new SeedArticle(slug, language, blocks[0][2..].Trim(), blocks[1].Trim(), blocks[2].Trim());
    }
}

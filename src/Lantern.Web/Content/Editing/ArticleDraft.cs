namespace Lantern.Web.Content.Editing;

/// <summary>
/// What the editor's page shows of a page in one language: its history newest first, the text to edit (the latest
/// version, or another language's as a starting point for a translation), and the languages the page exists in.
/// </summary>
public sealed record ArticleDraft(
    bool Exists,
    int? PublishedNumber,
    IReadOnlyList<ArticleVersionRow> Versions,
    ArticleInput Input,
    IReadOnlyDictionary<string, bool> Languages);

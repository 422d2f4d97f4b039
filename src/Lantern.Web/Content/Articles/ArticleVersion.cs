namespace Lantern.Web.Content.Articles;

/// <summary>One saved text of an <see cref="Article"/>: numbered from 1, kept for ever, with who saved it and when.</summary>
public sealed class ArticleVersion
{
    public const int MaxTitleLength = 200;
    public const int MaxSummaryLength = 400;
    public const int MaxBodyLength = 60_000;

    public Guid Id { get; set; }

    public Guid ArticleId { get; set; }

    public int Number { get; set; }

    public required string Title { get; set; }

    /// <summary>One or two sentences for the list of pages.</summary>
    public required string Summary { get; set; }

    /// <summary>The text in Markdown; rendered by <see cref="Rendering.SafeMarkdown"/>, never stored as HTML.</summary>
    public required string Body { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>The editor who saved it; <c>null</c> for the seed content Lantern ships with.</summary>
    public Guid? CreatedById { get; set; }
}

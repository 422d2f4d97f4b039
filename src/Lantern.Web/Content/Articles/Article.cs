namespace Lantern.Web.Content.Articles;

/// <summary>
/// A page the team keeps (e.g. "what trafficking is") in one language: the same <see cref="Slug"/> in several languages
/// is the same page translated. Its texts are <see cref="ArticleVersion"/>s, never edited in place; the public sees the
/// version an editor published, or nothing.
/// </summary>
public sealed class Article
{
    public Guid Id { get; set; }

    /// <summary>The page's name in its address (<c>/{language}/learn/{slug}</c>): lower-case letters, digits and hyphens.</summary>
    public required string Slug { get; set; }

    public required string Language { get; set; }

    /// <summary>Where the page comes in the list of pages (smaller first; then by title).</summary>
    public int Position { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>The version the public sees; <c>null</c> while unpublished.</summary>
    public Guid? PublishedVersionId { get; set; }

    public DateTime? PublishedAt { get; set; }
}

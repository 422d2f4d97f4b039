namespace Lantern.Web.Content.Articles;

/// <summary>A published page in the list of pages of one language.</summary>
public sealed record ArticleEntry(string Slug, string Title, string Summary);

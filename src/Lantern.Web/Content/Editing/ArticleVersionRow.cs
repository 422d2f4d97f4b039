namespace Lantern.Web.Content.Editing;

/// <summary>A version in the page's history: who saved it (<c>null</c>: the seed content Lantern ships with) and when.</summary>
public sealed record ArticleVersionRow(int Number, string Title, DateTime CreatedAt, string? Author, bool IsPublished);

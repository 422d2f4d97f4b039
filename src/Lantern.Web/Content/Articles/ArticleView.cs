namespace Lantern.Web.Content.Articles;

/// <summary>A published page ready to show: <see cref="Html"/> is sanitised and its number tokens replaced.</summary>
public sealed record ArticleView(string Slug, string Language, string Title, string Summary, string Html, DateTime PublishedAt);

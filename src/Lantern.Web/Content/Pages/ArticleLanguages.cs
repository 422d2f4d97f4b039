using Lantern.Web.Content.Articles;

namespace Lantern.Web.Content.Pages;

/// <summary>The enabled languages a page (or, without a slug, any page) is published in, as links named in their own language.</summary>
public static class ArticleLanguages
{
    public static async Task<IReadOnlyList<LanguageChoice>> ChoicesAsync(
        PublishedArticles articles, LanguageSettings languages, string? slug, string current, CancellationToken cancellationToken)
    {
        var published = await articles.LanguagesAsync(slug, cancellationToken);
        return LanguageChoice.Among(languages, published, code => slug is null ? $"/{code}/learn" : $"/{code}/learn/{slug}", current);
    }
}

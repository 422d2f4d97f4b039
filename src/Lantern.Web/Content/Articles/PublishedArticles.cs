using Lantern.Web.Content.Rendering;
using Lantern.Web.Platform;

namespace Lantern.Web.Content.Articles;

/// <summary>What the public may read: only published versions, each rendered through <see cref="SafeMarkdown"/>.</summary>
public sealed class PublishedArticles(LanternDbContext db, IOptions<SiteOptions> site)
{
    public async Task<IReadOnlyList<ArticleEntry>> ListAsync(string language, CancellationToken cancellationToken) =>
        await (from article in db.Articles.AsNoTracking()
               join version in db.ArticleVersions.AsNoTracking() on article.PublishedVersionId equals version.Id
               where article.Language == language
               orderby article.Position, version.Title
               select new ArticleEntry(article.Slug, version.Title, version.Summary)).ToListAsync(cancellationToken);

    /// <summary>The page <paramref name="slug"/> as published in <paramref name="language"/>; <c>null</c> when it is not.</summary>
    public async Task<ArticleView?> FindAsync(string language, string slug, CancellationToken cancellationToken)
    {
        var found = await (from article in db.Articles.AsNoTracking()
                           join version in db.ArticleVersions.AsNoTracking() on article.PublishedVersionId equals version.Id
                           where article.Language == language && article.Slug == slug
                           select new { version.Title, version.Summary, version.Body, article.PublishedAt }).FirstOrDefaultAsync(cancellationToken);
        return found is null
            ? null
            : new ArticleView(slug, language, found.Title, found.Summary, SiteTokens.Expand(SafeMarkdown.ToHtml(found.Body), site.Value), found.PublishedAt ?? default);
    }

    /// <summary>The languages <paramref name="slug"/> is published in (or, without a slug, those with any page).</summary>
    public async Task<IReadOnlyList<string>> LanguagesAsync(string? slug, CancellationToken cancellationToken) =>
        await db.Articles.AsNoTracking()
            .Where(a => a.PublishedVersionId != null && (slug == null || a.Slug == slug))
            .Select(a => a.Language).Distinct().ToListAsync(cancellationToken);
}

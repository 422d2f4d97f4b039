using Lantern.Web.Content.Articles;

namespace Lantern.Web.Content.Editing;

/// <summary>Every page the team keeps, with the languages it exists in and whether each is published: the editors' list.</summary>
public sealed class ContentOverview(LanternDbContext db)
{
    public async Task<IReadOnlyList<ArticleSummary>> ListAsync(string language, CancellationToken cancellationToken)
    {
        var rows = await (from article in db.Articles.AsNoTracking()
                          join version in db.ArticleVersions.AsNoTracking() on article.Id equals version.ArticleId
                          where version.Number == db.Set<ArticleVersion>().Where(v => v.ArticleId == article.Id).Max(v => v.Number)
                          select new { article.Slug, article.Language, article.Position, Published = article.PublishedVersionId != null, version.Title })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.Slug, StringComparer.Ordinal)
            .Select(page => new ArticleSummary(
                page.Key,
                (page.FirstOrDefault(r => r.Language == language) ?? page.FirstOrDefault(r => r.Language == TextCatalogue.Fallback) ?? page.First()).Title,
                page.Min(r => r.Position),
                page.OrderBy(r => r.Language, StringComparer.Ordinal).ToDictionary(r => r.Language, r => r.Published, StringComparer.Ordinal)))
            .OrderBy(p => p.Position).ThenBy(p => p.Slug, StringComparer.Ordinal)
            .ToList();
    }
}

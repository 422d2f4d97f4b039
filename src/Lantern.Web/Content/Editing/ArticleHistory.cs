using Lantern.Web.Core.Staff;

namespace Lantern.Web.Content.Editing;

/// <summary>Reads a page for its editor: every version with its author, and the latest text.</summary>
public sealed class ArticleHistory(LanternDbContext db)
{
    /// <summary>The page <paramref name="slug"/> in <paramref name="language"/>; <paramref name="copyFrom"/> is a language whose latest text fills the form when this one has none yet (a translation's start).</summary>
    public async Task<ArticleDraft> LoadAsync(string slug, string language, string? copyFrom, CancellationToken cancellationToken)
    {
        var languages = await db.Articles.AsNoTracking().Where(a => a.Slug == slug)
            .ToDictionaryAsync(a => a.Language, a => a.PublishedVersionId != null, StringComparer.Ordinal, cancellationToken);
        var article = await db.Articles.AsNoTracking().SingleOrDefaultAsync(a => a.Slug == slug && a.Language == language, cancellationToken);
        if (article is null)
        {
            var start = copyFrom is null || !languages.ContainsKey(copyFrom) ? new ArticleInput() : await LatestAsync(slug, copyFrom, cancellationToken);
            return new ArticleDraft(false, null, [], start, languages);
        }

        var versions = await (from version in db.ArticleVersions.AsNoTracking()
                              join author in db.Set<StaffUser>().AsNoTracking() on version.CreatedById equals author.Id into authors
                              from author in authors.DefaultIfEmpty()
                              where version.ArticleId == article.Id
                              orderby version.Number descending
                              select new ArticleVersionRow(version.Number, version.Title, version.CreatedAt, author == null ? null : author.Email, version.Id == article.PublishedVersionId))
            .ToListAsync(cancellationToken);
        var input = await LatestAsync(slug, language, cancellationToken);
        return new ArticleDraft(true, versions.FirstOrDefault(v => v.IsPublished)?.Number, versions, input, languages);
    }

    private async Task<ArticleInput> LatestAsync(string slug, string language, CancellationToken cancellationToken) =>
        await (from article in db.Articles.AsNoTracking()
               join version in db.ArticleVersions.AsNoTracking() on article.Id equals version.ArticleId
               where article.Slug == slug && article.Language == language
               orderby version.Number descending
               select new ArticleInput { Title = version.Title, Summary = version.Summary, Body = version.Body, Position = article.Position })
            .FirstAsync(cancellationToken);
}

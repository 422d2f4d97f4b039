using Lantern.Web.Content.Articles;
using Lantern.Web.Platform.Persistence;
using Lantern.Web.Platform.Web.Caching;
using Microsoft.AspNetCore.OutputCaching;

namespace Lantern.Web.Content.Editing;

/// <summary>
/// An editor's three acts on a page in one language: save a new version (the first save creates the page), publish a
/// version, unpublish. Each is audited with the page's slug and language, never its text; publishing drops the rendered
/// public pages so the change shows at once.
/// </summary>
public sealed class ArticleEditor(LanternDbContext db, AuditTrail audit, TimeProvider clock, IOutputCacheStore pages)
{
    private const int Attempts = 3;

    /// <summary>Saves <paramref name="input"/> as the page's next version and answers its number; the input must be valid.</summary>
    public async Task<Outcome<int>> SaveVersionAsync(StaffMember member, string slug, string language, ArticleInput input, CancellationToken cancellationToken)
    {
        if (input.Validate() is [var first, ..])
        {
            return Outcome.InvalidField(first.Field, first.MessageKey, first.Arguments);
        }

        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var now = clock.GetUtcNow().UtcDateTime;
            var article = await db.Articles.SingleOrDefaultAsync(a => a.Slug == slug && a.Language == language, cancellationToken);
            if (article is null)
            {
                article = new Article { Id = Guid.CreateVersion7(), Slug = slug, Language = language, CreatedAt = now };
                db.Articles.Add(article);
            }

            article.Position = input.Position;
            var number = 1 + (await db.ArticleVersions.Where(v => v.ArticleId == article.Id).MaxAsync(v => (int?)v.Number, cancellationToken) ?? 0);
            db.ArticleVersions.Add(new ArticleVersion
            {
                Id = Guid.CreateVersion7(),
                ArticleId = article.Id,
                Number = number,
                Title = input.Title!,
                Summary = input.Summary!,
                Body = input.Body!,
                CreatedAt = now,
                CreatedById = member.Id,
            });
            audit.Add(db, member.Actor, "content.version-saved", Record(slug, language), $"version={number}");
            try
            {
                await audit.SaveAsync(db);
                if (article.PublishedVersionId is not null)
                {
                    // The position shows in the public list of pages.
                    await SharedPageCache.EvictAsync(pages);
                }

                return Outcome.Done(number);
            }
            catch (DbUpdateException exception) when (DatabaseErrors.IsUniqueViolation(exception))
            {
                // A colleague saved the same page (or created it) a moment ago: take the next number.
                if (attempt == Attempts)
                {
                    db.ChangeTracker.Clear();
                    return Outcome.Conflict("staff.content.error.busy");
                }
            }
        }
    }

    public async Task<Outcome> PublishAsync(StaffMember member, string slug, string language, int number, CancellationToken cancellationToken)
    {
        var article = await db.Articles.SingleOrDefaultAsync(a => a.Slug == slug && a.Language == language, cancellationToken);
        var version = article is null
            ? null
            : await db.ArticleVersions.AsNoTracking().Where(v => v.ArticleId == article.Id && v.Number == number).Select(v => (Guid?)v.Id).SingleOrDefaultAsync(cancellationToken);
        if (article is null || version is null)
        {
            return Outcome.NotFound();
        }

        article.PublishedVersionId = version;
        article.PublishedAt = clock.GetUtcNow().UtcDateTime;
        await audit.RecordAsync(db, member.Actor, "content.published", Record(slug, language), $"version={number}");
        await SharedPageCache.EvictAsync(pages);
        return Outcome.Done();
    }

    public async Task<Outcome> UnpublishAsync(StaffMember member, string slug, string language, CancellationToken cancellationToken)
    {
        var article = await db.Articles.SingleOrDefaultAsync(a => a.Slug == slug && a.Language == language, cancellationToken);
        if (article is null)
        {
            return Outcome.NotFound();
        }

        if (article.PublishedVersionId is null)
        {
            // Already off the site (perhaps by a colleague a moment ago).
            return Outcome.Done();
        }

        article.PublishedVersionId = null;
        article.PublishedAt = null;
        await audit.RecordAsync(db, member.Actor, "content.unpublished", Record(slug, language));
        await SharedPageCache.EvictAsync(pages);
        return Outcome.Done();
    }

    private static string Record(string slug, string language) => $"{slug}/{language}";
}

namespace Lantern.Web.Content.Articles;

/// <summary>
/// The pages Lantern ships with (<c>Seed/{language}/{slug}.md</c>: <c># Title</c>, a blank line, a one-sentence summary,
/// then the text), published as version 1 of each page and language the database lacks. A page an editor changed or
/// unpublished exists, so it is never touched again; a page a new release adds appears.
/// </summary>
internal sealed class ArticleSeeder(TimeProvider clock) : ISeeder
{
    /// <summary>The seed pages in the order of the list of pages; a page not named here comes after them.</summary>
    public static readonly IReadOnlyList<string> Order =
        ["what-is-trafficking", "forms-of-exploitation", "signs-by-sector", "your-rights", "after-a-report", "staying-safe-online", "ukraine"];

    private const string ResourcePrefix = "article.";
    private const string ResourceSuffix = ".md";

    public async Task SeedAsync(LanternDbContext db, CancellationToken cancellationToken)
    {
        var existing = (await db.Articles.AsNoTracking().Select(a => new { a.Slug, a.Language }).ToListAsync(cancellationToken))
            .Select(a => (a.Slug, a.Language)).ToHashSet();
        var now = clock.GetUtcNow().UtcDateTime;
        var seeded = new List<(Article Article, ArticleVersion Version)>();
        foreach (var seed in Read().Where(s => !existing.Contains((s.Slug, s.Language))))
        {
            var article = new Article { Id = Guid.CreateVersion7(), Slug = seed.Slug, Language = seed.Language, Position = Position(seed.Slug), CreatedAt = now, PublishedAt = now };
            var version = new ArticleVersion { Id = Guid.CreateVersion7(), ArticleId = article.Id, Number = 1, Title = seed.Title, Summary = seed.Summary, Body = seed.Body, CreatedAt = now };
            db.Articles.Add(article);
            db.ArticleVersions.Add(version);
            seeded.Add((article, version));
        }

        if (seeded.Count == 0)
        {
            return;
        }

        // Two saves, one transaction: the page points at its version and the version at its page, so one must exist before
        // the other names it, and a start cut between them must not leave seed pages that exist but are never published.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var (article, version) in seeded)
        {
            article.PublishedVersionId = version.Id;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Every seed page embedded in the assembly.</summary>
    internal static IEnumerable<SeedArticle> Read()
    {
        var assembly = typeof(ArticleSeeder).Assembly;
        foreach (var name in assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(ResourceSuffix, StringComparison.Ordinal)))
        {
            var parts = name[ResourcePrefix.Length..^ResourceSuffix.Length].Split('.');
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            yield return SeedArticle.Parse(parts[1], parts[0], reader.ReadToEnd());
        }
    }

    private static int Position(string slug)
    {
        var index = Order.ToList().IndexOf(slug);
        return index < 0 ? 1000 : (index + 1) * 10;
    }
}

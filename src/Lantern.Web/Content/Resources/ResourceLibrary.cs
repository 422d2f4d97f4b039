namespace Lantern.Web.Content.Resources;

/// <summary>What the public may take from the library: whole resources only; downloads counted as a total, nothing else.</summary>
public sealed class ResourceLibrary(LanternDbContext db)
{
    public async Task<IReadOnlyList<ResourceEntry>> ListAsync(string language, CancellationToken cancellationToken) =>
        await db.Resources.AsNoTracking()
            .Where(r => r.Language == language && r.Complete)
            .OrderBy(r => r.Category).ThenByDescending(r => r.CreatedAt)
            .Select(r => new ResourceEntry(r.Id, r.Title, r.Description, r.Language, r.Category, r.FileName, r.ContentType, r.Length, r.PreviewWidth, r.PreviewHeight))
            .ToListAsync(cancellationToken);

    /// <summary>The languages with at least one resource.</summary>
    public async Task<IReadOnlyList<string>> LanguagesAsync(CancellationToken cancellationToken) =>
        await db.Resources.AsNoTracking().Where(r => r.Complete).Select(r => r.Language).Distinct().ToListAsync(cancellationToken);

    public Task<ResourceEntry?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Resources.AsNoTracking()
            .Where(r => r.Id == id && r.Complete)
            .Select(r => new ResourceEntry(r.Id, r.Title, r.Description, r.Language, r.Category, r.FileName, r.ContentType, r.Length, r.PreviewWidth, r.PreviewHeight))
            .SingleOrDefaultAsync(cancellationToken);

    public Task<byte[]?> PreviewAsync(Guid id, CancellationToken cancellationToken) =>
        db.Resources.AsNoTracking().Where(r => r.Id == id && r.Complete).Select(r => r.Preview).SingleOrDefaultAsync(cancellationToken);

    /// <summary>Reads the file piece by piece (a video is never held whole in memory), seekable for range requests.</summary>
    public Stream Open(ResourceEntry resource) => new ResourceContentStream(db, resource.Id, resource.Length);

    /// <summary>One more download, in one statement: no row per visit, no time, nothing of the visitor.</summary>
    public Task CountDownloadAsync(Guid id) =>
        db.Resources.Where(r => r.Id == id).ExecuteUpdateAsync(set => set.SetProperty(r => r.Downloads, r => r.Downloads + 1), CancellationToken.None);
}

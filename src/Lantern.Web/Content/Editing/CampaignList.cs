namespace Lantern.Web.Content.Editing;

/// <summary>The campaigns for their editors, newest first, each with the languages it has a banner in.</summary>
public sealed class CampaignList(LanternDbContext db)
{
    public async Task<IReadOnlyList<CampaignRow>> ListAsync(CancellationToken cancellationToken)
    {
        var campaigns = await db.Campaigns.AsNoTracking().OrderByDescending(c => c.StartsOn).ThenBy(c => c.Name).ToListAsync(cancellationToken);
        var banners = await db.CampaignBanners.AsNoTracking().Select(b => new { b.CampaignId, b.Language }).ToListAsync(cancellationToken);
        return campaigns.Select(c => new CampaignRow(
                c.Id, c.Name, c.StartsOn, c.EndsOn, c.ArticleSlug,
                banners.Where(b => b.CampaignId == c.Id).Select(b => b.Language).Order(StringComparer.Ordinal).ToList()))
            .ToList();
    }

    /// <summary>A campaign as its form shows it; <c>null</c> when there is none with that id.</summary>
    public async Task<CampaignInput?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        return campaign is null
            ? null
            : CampaignInput.From(campaign, await db.CampaignBanners.AsNoTracking().Where(b => b.CampaignId == id).ToListAsync(cancellationToken));
    }
}

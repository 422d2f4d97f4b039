using Lantern.Web.Content.Articles;
using Lantern.Web.Platform;

namespace Lantern.Web.Content.Campaigns;

/// <summary>The banners the home page shows today in one language: the campaigns whose days include today, newest first.</summary>
public sealed class RunningCampaigns(LanternDbContext db, IOptions<SiteOptions> site, TimeProvider clock)
{
    /// <summary>At most this many banners at once, so a crowded calendar never pushes the ways in off the screen.</summary>
    public const int MaxBanners = 2;

    // db.Set<Article>() in the subquery: an extension property (db.Articles) cannot appear inside an expression tree.
    public async Task<IReadOnlyList<CampaignBannerView>> BannersAsync(string language, CancellationToken cancellationToken)
    {
        var today = site.Value.Today(clock);
        return await (from campaign in db.Campaigns.AsNoTracking()
                      join banner in db.CampaignBanners.AsNoTracking() on campaign.Id equals banner.CampaignId
                      where banner.Language == language && campaign.StartsOn <= today && campaign.EndsOn >= today
                      orderby campaign.StartsOn descending, campaign.Name
                      select new CampaignBannerView(
                          banner.Text,
                          db.Set<Article>().Any(a => a.Slug == campaign.ArticleSlug && a.Language == language && a.PublishedVersionId != null) ? campaign.ArticleSlug : null))
            .Take(MaxBanners).ToListAsync(cancellationToken);
    }
}

using Lantern.Web.Content.Articles;
using Lantern.Web.Content.Campaigns;
using Lantern.Web.Content.Resources;

namespace Lantern.Web.Content;

/// <summary>The sets of this capability on <see cref="LanternDbContext"/>, declared here so the core never names them.</summary>
public static class ContentData
{
    extension(LanternDbContext db)
    {
        public DbSet<Article> Articles => db.Set<Article>();

        public DbSet<ArticleVersion> ArticleVersions => db.Set<ArticleVersion>();

        public DbSet<Campaign> Campaigns => db.Set<Campaign>();

        public DbSet<CampaignBanner> CampaignBanners => db.Set<CampaignBanner>();

        public DbSet<Resource> Resources => db.Set<Resource>();

        public DbSet<ResourceChunk> ResourceChunks => db.Set<ResourceChunk>();
    }
}

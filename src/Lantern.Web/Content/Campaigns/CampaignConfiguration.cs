using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lantern.Web.Content.Campaigns;

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> builder)
    {
        builder.ToTable("campaigns");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Name).HasMaxLength(Campaign.MaxNameLength);
        builder.Property(c => c.ArticleSlug).HasMaxLength(Articles.ArticleSlugs.MaxLength);
        builder.HasIndex(c => new { c.StartsOn, c.EndsOn });
        builder.HasMany<CampaignBanner>().WithOne().HasForeignKey(b => b.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }
}

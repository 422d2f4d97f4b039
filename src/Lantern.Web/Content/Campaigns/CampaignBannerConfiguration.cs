using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lantern.Web.Content.Campaigns;

internal sealed class CampaignBannerConfiguration : IEntityTypeConfiguration<CampaignBanner>
{
    public void Configure(EntityTypeBuilder<CampaignBanner> builder)
    {
        builder.ToTable("campaign_banners");
        builder.HasKey(b => new { b.CampaignId, b.Language });
        builder.Property(b => b.Language).HasMaxLength(8);
        builder.Property(b => b.Text).HasMaxLength(CampaignBanner.MaxTextLength);
    }
}

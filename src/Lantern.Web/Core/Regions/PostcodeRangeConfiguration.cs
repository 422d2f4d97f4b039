using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lantern.Web.Core.Regions;

internal sealed class PostcodeRangeConfiguration : IEntityTypeConfiguration<PostcodeRange>
{
    public void Configure(EntityTypeBuilder<PostcodeRange> builder)
    {
        builder.ToTable("postcode_ranges");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Country).HasMaxLength(2);
        builder.Property(p => p.Region).HasMaxLength(16);
        builder.HasIndex(p => new { p.Country, p.From });
    }
}

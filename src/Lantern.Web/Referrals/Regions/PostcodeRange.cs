using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lantern.Web.Referrals.Regions;

/// <summary>A range of numeric postcodes of one country that belongs to one region (DOMAIN.md, routing by postcode).</summary>
public sealed class PostcodeRange
{
    public int Id { get; set; }

    public required string Country { get; set; }

    public int From { get; set; }

    public int To { get; set; }

    public required string Region { get; set; }
}

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

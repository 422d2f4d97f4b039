using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lantern.Web.Statistics.Publication;

internal sealed class FrozenReleaseTableConfiguration : IEntityTypeConfiguration<FrozenReleaseTable>
{
    public void Configure(EntityTypeBuilder<FrozenReleaseTable> builder)
    {
        builder.ToTable("statistics_releases");
        builder.HasKey(t => new { t.Period, t.TableId });
        builder.Property(t => t.Period).HasMaxLength(7);
        builder.Property(t => t.TableId).HasMaxLength(64);
    }
}

using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lantern.Web.Statistics.Summaries;

internal sealed class SummaryCubeConfiguration : IEntityTypeConfiguration<SummaryCube>
{
    public void Configure(EntityTypeBuilder<SummaryCube> builder)
    {
        builder.ToTable("statistics_cube");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Channel).HasMaxLength(16);
        builder.Property(c => c.Role).HasMaxLength(16);
        builder.Property(c => c.Language).HasMaxLength(8);
        builder.Property(c => c.Region).HasMaxLength(16);
        builder.HasIndex(c => new { c.Span, c.Day });
    }
}

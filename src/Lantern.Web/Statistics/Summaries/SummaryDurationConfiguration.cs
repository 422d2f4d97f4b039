using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lantern.Web.Statistics.Summaries;

internal sealed class SummaryDurationConfiguration : IEntityTypeConfiguration<SummaryDuration>
{
    public void Configure(EntityTypeBuilder<SummaryDuration> builder)
    {
        builder.ToTable("statistics_durations");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Kind).HasMaxLength(16);
        builder.HasIndex(d => new { d.Span, d.Day });
    }
}

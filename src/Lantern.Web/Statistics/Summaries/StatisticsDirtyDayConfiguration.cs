using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lantern.Web.Statistics.Summaries;

internal sealed class StatisticsDirtyDayConfiguration : IEntityTypeConfiguration<StatisticsDirtyDay>
{
    public void Configure(EntityTypeBuilder<StatisticsDirtyDay> builder)
    {
        builder.ToTable("statistics_dirty_days");
        builder.HasKey(d => d.Day);
        builder.Property(d => d.Day).ValueGeneratedNever();
    }
}

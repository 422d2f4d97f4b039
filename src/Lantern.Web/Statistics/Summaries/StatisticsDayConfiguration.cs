using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lantern.Web.Statistics.Summaries;

internal sealed class StatisticsDayConfiguration : IEntityTypeConfiguration<StatisticsDay>
{
    public void Configure(EntityTypeBuilder<StatisticsDay> builder)
    {
        builder.ToTable("statistics_days");
        builder.HasKey(d => d.Day);
        builder.Property(d => d.Day).ValueGeneratedNever();
    }
}

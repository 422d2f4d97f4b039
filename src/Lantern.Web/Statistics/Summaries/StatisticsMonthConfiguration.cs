using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lantern.Web.Statistics.Summaries;

internal sealed class StatisticsMonthConfiguration : IEntityTypeConfiguration<StatisticsMonth>
{
    public void Configure(EntityTypeBuilder<StatisticsMonth> builder)
    {
        builder.ToTable("statistics_months");
        builder.HasKey(m => m.Month);
        builder.Property(m => m.Month).ValueGeneratedNever();
    }
}

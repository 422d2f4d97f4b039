using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lantern.Web.Statistics.Summaries;

internal sealed class SummaryFormConfiguration : IEntityTypeConfiguration<SummaryForm>
{
    public void Configure(EntityTypeBuilder<SummaryForm> builder)
    {
        builder.ToTable("statistics_forms");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Code).HasMaxLength(32);
        builder.HasIndex(f => new { f.Span, f.Day });
    }
}

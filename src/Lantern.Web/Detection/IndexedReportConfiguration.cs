using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lantern.Web.Detection;

internal sealed class IndexedReportConfiguration : IEntityTypeConfiguration<IndexedReport>
{
    public void Configure(EntityTypeBuilder<IndexedReport> builder)
    {
        builder.ToTable("entity_indexed_reports");
        builder.HasKey(e => e.ReportId);
        builder.Property(e => e.KeyFingerprint).HasMaxLength(8);
        builder.HasOne<Report>().WithOne().HasForeignKey<IndexedReport>(e => e.ReportId).OnDelete(DeleteBehavior.Cascade);
    }
}

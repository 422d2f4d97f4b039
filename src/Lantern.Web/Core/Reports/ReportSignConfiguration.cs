using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lantern.Web.Core.Reports;

internal sealed class ReportSignConfiguration : IEntityTypeConfiguration<ReportSign>
{
    public void Configure(EntityTypeBuilder<ReportSign> builder)
    {
        builder.ToTable("report_signs");
        builder.HasKey(s => new { s.ReportId, s.Code });
        builder.Property(s => s.Code).HasMaxLength(32);
    }
}

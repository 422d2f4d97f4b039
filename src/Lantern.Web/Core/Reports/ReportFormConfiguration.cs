using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lantern.Web.Core.Reports;

internal sealed class ReportFormConfiguration : IEntityTypeConfiguration<ReportForm>
{
    public void Configure(EntityTypeBuilder<ReportForm> builder)
    {
        builder.ToTable("report_forms");
        builder.HasKey(f => new { f.ReportId, f.Code });
        builder.Property(f => f.Code).HasMaxLength(32);
        builder.HasIndex(f => f.Code);
    }
}

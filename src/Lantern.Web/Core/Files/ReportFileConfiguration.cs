using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lantern.Web.Core.Files;

internal sealed class ReportFileConfiguration : IEntityTypeConfiguration<ReportFile>
{
    public void Configure(EntityTypeBuilder<ReportFile> builder)
    {
        builder.ToTable("report_files");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.ContentType).HasMaxLength(64);
        builder.HasIndex(f => new { f.ReportId, f.CreatedAt });
        builder.HasIndex(f => f.OriginalId);
        builder.HasOne<Report>().WithMany().HasForeignKey(f => f.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ReportItem>().WithMany().HasForeignKey(f => f.MessageItemId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Lantern.Web.Core.Staff.StaffUser>().WithMany().HasForeignKey(f => f.AuthorId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<ReportFile>().WithMany().HasForeignKey(f => f.OriginalId).OnDelete(DeleteBehavior.Cascade);
    }
}

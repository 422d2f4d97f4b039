using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lantern.Web.FollowUp.Sessions;

internal sealed class ReporterSessionConfiguration : IEntityTypeConfiguration<ReporterSession>
{
    public void Configure(EntityTypeBuilder<ReporterSession> builder)
    {
        builder.ToTable("reporter_sessions");
        builder.HasKey(s => s.IdHash);
        builder.Property(s => s.IdHash).HasMaxLength(32);
        builder.Property(s => s.WrappedKey).HasMaxLength(128);
        builder.HasOne<Report>().WithMany().HasForeignKey(s => s.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.ReportId);
        builder.HasIndex(s => s.LastUsedAt);
    }
}

using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lantern.Web.Core.Reports;

internal sealed class ReportConfiguration : IEntityTypeConfiguration<Report>
{
    public void Configure(EntityTypeBuilder<Report> builder)
    {
        builder.ToTable("reports");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Reference).HasMaxLength(16);
        builder.HasIndex(r => r.Reference).IsUnique();
        builder.Property(r => r.Channel).HasMaxLength(16);
        builder.Property(r => r.Role).HasMaxLength(16);
        builder.Property(r => r.Language).HasMaxLength(8);
        builder.Property(r => r.Country).HasMaxLength(2);
        builder.Property(r => r.Region).HasMaxLength(16);
        builder.Property(r => r.UrgencyReasons).HasMaxLength(200);
        builder.Property(r => r.Status).HasMaxLength(16);
        builder.Property(r => r.StaffKeyId).HasMaxLength(32);
        builder.HasIndex(r => r.ReceiptVerifier).IsUnique();
        builder.HasIndex(r => new { r.UrgencyLevel, r.ReceivedAt, r.Id });
        // Statistics count the reports of a period by their coded columns (docs/STATISTICS.md): covering, so a year among a
        // million reports is read from the index alone, never row by row from the table.
        builder.HasIndex(r => new { r.ReceivedAt, r.Channel, r.Role, r.Language, r.Region, r.ImmediateDanger, r.MinorsInvolved, r.AcknowledgedAt, r.FirstReplyAt })
            .HasDatabaseName("IX_reports_statistics");
        builder.HasIndex(r => new { r.Status, r.UrgencyLevel, r.ReceivedAt, r.Id });
        builder.HasIndex(r => r.AssignedToId);
        builder.HasIndex(r => r.CaseId);
        builder.HasIndex(r => new { r.UnreadFromReporter, r.UrgencyLevel, r.ReceivedAt, r.Id });
        builder.Property(r => r.Outcome).HasMaxLength(32);
        builder.HasOne<Lantern.Web.Core.Staff.StaffUser>().WithMany().HasForeignKey(r => r.AssignedToId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Lantern.Web.Core.Staff.StaffUser>().WithMany().HasForeignKey(r => r.RecordedById).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Lantern.Web.Core.Organisations.Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Forms).WithOne().HasForeignKey(f => f.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Signs).WithOne().HasForeignKey(s => s.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Items).WithOne().HasForeignKey(i => i.ReportId).OnDelete(DeleteBehavior.Cascade);
    }
}

using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lantern.Web.Cases;

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> builder)
    {
        builder.ToTable("cases");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Reference).HasMaxLength(16);
        builder.HasIndex(c => c.Reference).IsUnique();
        builder.HasOne<Lantern.Web.Core.Staff.StaffUser>().WithMany().HasForeignKey(c => c.CreatedById).OnDelete(DeleteBehavior.SetNull);

        // The report's case, configured here so the report core never names a case.
        builder.HasMany<Lantern.Web.Core.Reports.Report>().WithOne().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.SetNull);
    }
}

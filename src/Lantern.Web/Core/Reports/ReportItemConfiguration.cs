using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lantern.Web.Core.Reports;

internal sealed class ReportItemConfiguration : IEntityTypeConfiguration<ReportItem>
{
    public void Configure(EntityTypeBuilder<ReportItem> builder)
    {
        builder.ToTable("report_items");
        builder.HasKey(i => i.Id);
        builder.HasIndex(i => new { i.ReportId, i.Kind, i.Sequence }).IsUnique();
        builder.HasOne<Lantern.Web.Core.Staff.StaffUser>().WithMany().HasForeignKey(i => i.AuthorId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(i => i.ReferralId);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lantern.Web.Reporting;

internal sealed class ReportItemConfiguration : IEntityTypeConfiguration<ReportItem>
{
    public void Configure(EntityTypeBuilder<ReportItem> builder)
    {
        builder.ToTable("report_items");
        builder.HasKey(i => i.Id);
        builder.HasIndex(i => new { i.ReportId, i.Kind, i.Sequence }).IsUnique();
        builder.HasOne<Accounts.StaffUser>().WithMany().HasForeignKey(i => i.AuthorId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Referrals.Referral>().WithMany().HasForeignKey(i => i.ReferralId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => i.ReferralId);
    }
}

using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lantern.Web.Referrals.Routing;

internal sealed class ReferralDismissalConfiguration : IEntityTypeConfiguration<ReferralDismissal>
{
    public void Configure(EntityTypeBuilder<ReferralDismissal> builder)
    {
        builder.ToTable("referral_dismissals");
        builder.HasKey(d => d.Id);
        builder.HasIndex(d => new { d.ReportId, d.OrganisationId }).IsUnique();
        builder.Property(d => d.RuleName).HasMaxLength(200);
        builder.HasOne<RoutingRule>().WithMany().HasForeignKey(d => d.RuleId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Report>().WithMany().HasForeignKey(d => d.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Lantern.Web.Core.Organisations.Organisation>().WithMany().HasForeignKey(d => d.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Lantern.Web.Core.Staff.StaffUser>().WithMany().HasForeignKey(d => d.DismissedById).OnDelete(DeleteBehavior.SetNull);
    }
}

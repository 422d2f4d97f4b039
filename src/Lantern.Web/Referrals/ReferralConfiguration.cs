using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lantern.Web.Referrals;

internal sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> builder)
    {
        builder.ToTable("referrals");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Scope).HasMaxLength(16);
        builder.Property(r => r.State).HasMaxLength(16);
        // One live referral per organisation and report; withdrawn ones stay as history beside a new one.
        builder.HasIndex(r => new { r.OrganisationId, r.ReportId }).IsUnique().HasFilter("\"State\" <> 'withdrawn'");
        builder.HasIndex(r => r.ReportId);
        builder.HasIndex(r => new { r.OrganisationId, r.CreatedAt });
        builder.HasIndex(r => new { r.State, r.DueAt });
        builder.Property(r => r.RuleName).HasMaxLength(200);
        builder.Property(r => r.Outcome).HasMaxLength(32);
        builder.HasOne<Routing.RoutingRule>().WithMany().HasForeignKey(r => r.RuleId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Report>().WithMany().HasForeignKey(r => r.ReportId).OnDelete(DeleteBehavior.Cascade);

        // A partner's update (a report item) belongs to its referral; configured here so the report core never names a referral.
        builder.HasMany<ReportItem>().WithOne().HasForeignKey(i => i.ReferralId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Lantern.Web.Core.Organisations.Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Lantern.Web.Core.Staff.StaffUser>().WithMany().HasForeignKey(r => r.CreatedById).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Lantern.Web.Core.Staff.StaffUser>().WithMany().HasForeignKey(r => r.WithdrawnById).OnDelete(DeleteBehavior.SetNull);
    }
}

using Lantern.Web.Core.Organisations;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lantern.Web.Referrals.Routing;

internal sealed class RoutingRuleConfiguration : IEntityTypeConfiguration<RoutingRule>
{
    public void Configure(EntityTypeBuilder<RoutingRule> builder)
    {
        builder.ToTable("routing_rules");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Name).HasMaxLength(200);
        builder.Property(r => r.Enabled).HasDefaultValue(true);
        builder.Property(r => r.Role).HasMaxLength(16);
        builder.Property(r => r.Region).HasMaxLength(16);
        builder.Property(r => r.Language).HasMaxLength(8);
        builder.Property(r => r.Form).HasMaxLength(32);
        builder.Property(r => r.OrganisationKind).HasMaxLength(32);
        builder.Property(r => r.Scope).HasMaxLength(16);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}

using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lantern.Web.Platform.Background;

internal sealed class ClusterLeaseConfiguration : IEntityTypeConfiguration<ClusterLease>
{
    public void Configure(EntityTypeBuilder<ClusterLease> builder)
    {
        builder.ToTable("cluster_leases");
        builder.HasKey(l => l.Job);
        builder.Property(l => l.Job).HasMaxLength(100);
        builder.Property(l => l.Holder).HasMaxLength(40);
    }
}

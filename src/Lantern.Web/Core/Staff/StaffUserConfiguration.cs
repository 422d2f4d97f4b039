using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lantern.Web.Core.Staff;

internal sealed class StaffUserConfiguration : IEntityTypeConfiguration<StaffUser>
{
    public void Configure(EntityTypeBuilder<StaffUser> builder) =>
        builder.HasOne<Lantern.Web.Core.Organisations.Organisation>().WithMany().HasForeignKey(u => u.OrganisationId).OnDelete(DeleteBehavior.Restrict);
}

using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lantern.Web.Core.Organisations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.ToTable("organisations");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Code).HasMaxLength(32);
        builder.HasIndex(o => o.Code).IsUnique();
        builder.Property(o => o.Name).HasMaxLength(200);
        builder.Property(o => o.Kind).HasMaxLength(32);
        builder.Property(o => o.Regions).HasMaxLength(200);
        builder.Property(o => o.Postcodes).HasMaxLength(400);
        builder.Property(o => o.Languages).HasMaxLength(200);
        builder.Property(o => o.Forms).HasMaxLength(200);
        builder.Property(o => o.Phone).HasMaxLength(32);
        builder.Property(o => o.Email).HasMaxLength(320);
        builder.Property(o => o.Website).HasMaxLength(400);
        builder.Property(o => o.Address).HasMaxLength(400);
        builder.Property(o => o.OpeningHours).HasMaxLength(400);
        builder.Property(o => o.Description).HasMaxLength(2000);
        builder.Property(o => o.NoticeEmail).HasMaxLength(320);
        builder.Property(o => o.TakesAdults).HasDefaultValue(true);
    }
}

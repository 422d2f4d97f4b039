using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lantern.Web.Detection;

internal sealed class UnlinkedEntityConfiguration : IEntityTypeConfiguration<UnlinkedEntity>
{
    public void Configure(EntityTypeBuilder<UnlinkedEntity> builder)
    {
        builder.ToTable("entity_unlinked");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Kind).HasMaxLength(16);
        builder.Property(e => e.Hash).HasMaxLength(16);
        builder.HasIndex(e => new { e.Kind, e.Hash }).IsUnique();
    }
}

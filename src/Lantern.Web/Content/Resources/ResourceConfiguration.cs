using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lantern.Web.Content.Resources;

internal sealed class ResourceConfiguration : IEntityTypeConfiguration<Resource>
{
    public void Configure(EntityTypeBuilder<Resource> builder)
    {
        builder.ToTable("resources");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Title).HasMaxLength(Resource.MaxTitleLength);
        builder.Property(r => r.Description).HasMaxLength(Resource.MaxDescriptionLength);
        builder.Property(r => r.Language).HasMaxLength(8);
        builder.Property(r => r.Category).HasMaxLength(16);
        builder.Property(r => r.FileName).HasMaxLength(120);
        builder.Property(r => r.ContentType).HasMaxLength(64);
        builder.HasIndex(r => new { r.Language, r.Complete });
        builder.HasMany<ResourceChunk>().WithOne().HasForeignKey(c => c.ResourceId).OnDelete(DeleteBehavior.Cascade);
    }
}

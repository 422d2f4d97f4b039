using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lantern.Web.Content.Resources;

internal sealed class ResourceChunkConfiguration : IEntityTypeConfiguration<ResourceChunk>
{
    public void Configure(EntityTypeBuilder<ResourceChunk> builder)
    {
        builder.ToTable("resource_chunks");
        builder.HasKey(c => new { c.ResourceId, c.Index });
    }
}

using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lantern.Web.Core.Catalogue;

internal sealed class SignConfiguration : IEntityTypeConfiguration<Sign>
{
    public void Configure(EntityTypeBuilder<Sign> builder)
    {
        builder.ToTable("signs");
        builder.HasKey(s => s.Code);
        builder.Property(s => s.Code).HasMaxLength(32);
    }
}

using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lantern.Web.Platform.DataProtectionKeys;

internal sealed class DataProtectionKeyRowConfiguration : IEntityTypeConfiguration<DataProtectionKeyRow>
{
    public void Configure(EntityTypeBuilder<DataProtectionKeyRow> builder)
    {
        builder.ToTable("data_protection_keys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Xml).HasMaxLength(8000);
    }
}

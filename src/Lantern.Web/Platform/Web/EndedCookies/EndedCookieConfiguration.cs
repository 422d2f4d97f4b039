using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lantern.Web.Platform.Web.EndedCookies;

internal sealed class EndedCookieConfiguration : IEntityTypeConfiguration<EndedCookie>
{
    public void Configure(EntityTypeBuilder<EndedCookie> builder)
    {
        builder.ToTable("ended_cookies");
        builder.HasKey(c => c.IdHash);
        builder.Property(c => c.IdHash).HasMaxLength(32);
        builder.HasIndex(c => c.ExpiresAt);
    }
}

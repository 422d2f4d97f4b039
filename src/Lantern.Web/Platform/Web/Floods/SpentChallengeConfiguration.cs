using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lantern.Web.Platform.Web.Floods;

internal sealed class SpentChallengeConfiguration : IEntityTypeConfiguration<SpentChallenge>
{
    public void Configure(EntityTypeBuilder<SpentChallenge> builder)
    {
        builder.ToTable("spent_challenges");
        builder.HasKey(c => c.Nonce);
        builder.Property(c => c.Nonce).HasMaxLength(12);
        builder.HasIndex(c => c.ExpiresAt);
    }
}

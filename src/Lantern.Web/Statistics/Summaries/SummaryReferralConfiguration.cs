using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lantern.Web.Statistics.Summaries;

internal sealed class SummaryReferralConfiguration : IEntityTypeConfiguration<SummaryReferral>
{
    public void Configure(EntityTypeBuilder<SummaryReferral> builder)
    {
        builder.ToTable("statistics_referrals");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.State).HasMaxLength(16);
        builder.Property(r => r.Outcome).HasMaxLength(32);
        builder.HasIndex(r => new { r.Span, r.Day });
    }
}
